package io.clearsky.core.audit;

import io.clearsky.schemas.AvroSerde;
import io.clearsky.schemas.avro.AuditRecord;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit records to the audit topic, keyed by query id when the action concerns a query and by
 * the acting principal otherwise. Gateway and worker share it, so every audited action has one shape.
 *
 * <p>Sends are not awaited by the action they describe: an audit topic that is briefly unreachable must
 * not fail a question. A send that fails is logged with the action and query id (never the SQL, which
 * may hold literals a user would not want in logs).
 */
public class AuditTrail {

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final Producer<String, byte[]> producer;

    private final String topic;

    private final AvroSerde<AuditRecord> serde = AvroSerde.auditRecord();

    public AuditTrail(Producer<String, byte[]> producer, String topic) {
        this.producer = producer;
        this.topic = topic;
    }

    /** Publishes one record; the future completes when the broker has it, or with the failure. */
    public CompletableFuture<Void> record(AuditRecord record) {
        String key = (record.getQueryId() != null) ? record.getQueryId()
                : (record.getPrincipal() != null) ? record.getPrincipal().getUser() : "anonymous";
        CompletableFuture<Void> sent = new CompletableFuture<>();
        this.producer.send(new ProducerRecord<>(this.topic, key, this.serde.serialize(this.topic, record)),
                (metadata, ex) -> {
                    if (ex != null) {
                        log.warn("Audit record {} for query {} not written: {}", record.getAction(),
                                record.getQueryId(), ex.getMessage());
                        sent.completeExceptionally(ex);
                    }
                    else {
                        sent.complete(null);
                    }
                });
        return sent;
    }
}
