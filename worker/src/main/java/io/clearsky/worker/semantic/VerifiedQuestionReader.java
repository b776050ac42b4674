package io.clearsky.worker.semantic;

import io.clearsky.core.semantic.SemanticModel.VerifiedQuery;
import io.clearsky.core.semantic.SemanticModels;
import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.VerifiedQuestionPromoted;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies each promotion on the verified-questions topic to the semantic models in effect: a promoted pair
 * joins its database's verified queries, a retired one leaves them. Unreadable records are logged and
 * skipped: every worker reads the whole topic, so dead-lettering would copy them once per worker.
 */
public final class VerifiedQuestionReader implements Consumer<ConsumerRecord<String, byte[]>> {

    private static final Logger logger = LoggerFactory.getLogger(VerifiedQuestionReader.class);

    private final SemanticModels models;

    private final AvroSerde<VerifiedQuestionPromoted> serde = AvroSerde.verifiedQuestionPromoted();

    public VerifiedQuestionReader(SemanticModels models) {
        this.models = models;
    }

    @Override
    public void accept(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return;
        }
        VerifiedQuestionPromoted promoted;
        try {
            promoted = this.serde.deserialize(record.topic(), record.value());
        }
        catch (SerializationException ex) {
            logger.warn("Skipping unreadable verified question at offset {} of {}: {}", record.offset(), record.topic(),
                    ex.getMessage());
            return;
        }
        if (promoted.getRetired()) {
            this.models.retire(promoted.getDatabase(), promoted.getQuestion());
        }
        else {
            this.models.promote(promoted.getDatabase(), new VerifiedQuery(promoted.getQuestion(), promoted.getSql(),
                    (promoted.getSourceQueryId() != null) ? "promoted from query " + promoted.getSourceQueryId() : null));
            logger.info("Verified question added to the model of {}: {}", promoted.getDatabase(), promoted.getQuestion());
        }
    }
}
