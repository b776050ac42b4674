package io.clearsky.schemas.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The Confluent wire format: magic byte {@code 0}, the writer schema's registry id as a 4-byte big-endian
 * integer, then the Avro binary record.
 */
public final class ConfluentWire {

    /** The first byte of every record in this format. */
    public static final byte MAGIC = 0;

    private static final int HEADER_LENGTH = 5;

    private ConfluentWire() {
    }

    /** Whether the bytes start like a record in this format. */
    public static boolean looksLike(byte[] data) {
        return data != null && data.length >= HEADER_LENGTH && data[0] == MAGIC;
    }

    /** The registry id of the writer schema. */
    public static int schemaId(byte[] data) {
        if (!looksLike(data)) {
            throw new SerializationException("Not Confluent wire format: it needs magic byte 0 and a 4-byte schema id");
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }

    public static <T> byte[] encode(int schemaId, Schema schema, T record) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(schemaId).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<T>(schema, SpecificData.getForSchema(schema)).write(record, encoder);
            encoder.flush();
            return out.toByteArray();
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException("Cannot encode " + schema.getFullName() + ": " + ex.getMessage(), ex);
        }
    }

    /** Decodes the record written with {@code writer}, resolved against the generated {@code reader} schema. */
    public static <T> T decode(byte[] data, Schema writer, Schema reader) {
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, HEADER_LENGTH, data.length - HEADER_LENGTH, null);
            T record = new SpecificDatumReader<T>(writer, reader, SpecificData.getForSchema(reader)).read(null, decoder);
            if (!decoder.isEnd()) {
                throw new SerializationException("bytes left over after the record");
            }
            return record;
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException("Cannot decode a " + reader.getFullName() + " written with schema id "
                    + schemaId(data) + ": " + ex.getMessage(), ex);
        }
    }
}
