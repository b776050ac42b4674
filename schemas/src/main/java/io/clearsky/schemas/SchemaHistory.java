package io.clearsky.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.Schema;
import org.apache.avro.message.SchemaStore;

/**
 * Every published version of each contract, kept as a self-contained {@code .avsc} snapshot under
 * {@code io/clearsky/schemas/history/}. Decoders use them to read records written by older producers;
 * the compatibility test checks the current schemas against them.
 *
 * <p>When a release changes a contract, add its new snapshot as {@code <Name>.v<N>.avsc} and raise the
 * version in {@code versions.properties}.
 */
public final class SchemaHistory {

    private static final String ROOT = "/io/clearsky/schemas/history/";

    private static final SchemaStore.Cache RESOLVER = new SchemaStore.Cache();

    static {
        for (String name : contractNames()) {
            versions(name).forEach(RESOLVER::addSchema);
        }
    }

    private SchemaHistory() {
    }

    /** A schema store that knows every published version, by fingerprint. */
    public static SchemaStore resolver() {
        return RESOLVER;
    }

    /** Names of the contracts that have a history, e.g. {@code QuestionSubmitted}. */
    public static List<String> contractNames() {
        return List.copyOf(index().stringPropertyNames());
    }

    /** Published versions of one contract, oldest first. */
    public static List<Schema> versions(String contractName) {
        int latest = Integer.parseInt(index().getProperty(contractName, "0"));
        List<Schema> schemas = new ArrayList<>();
        for (int version = 1; version <= latest; version++) {
            String resource = ROOT + contractName + ".v" + version + ".avsc";
            try (InputStream in = SchemaHistory.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing schema snapshot " + resource);
                }
                schemas.add(new Schema.Parser().parse(in));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return schemas;
    }

    private static Properties index() {
        Properties index = new Properties();
        try (InputStream in = SchemaHistory.class.getResourceAsStream(ROOT + "versions.properties")) {
            if (in != null) {
                index.load(in);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return index;
    }
}
