package io.clearsky.worker.security;

import io.clearsky.core.policy.DataPolicies;
import io.clearsky.schemas.avro.Principal;
import io.clearsky.schemas.avro.QuestionSubmitted;
import java.util.List;

/**
 * Decides who asked a question. Kafka does not stamp the producer's identity on a record, so the worker
 * cannot verify a principal itself: the write ACL of the questions topic is the trust boundary, admitting
 * only the gateway, the bots and named systems. Within it:
 *
 * <ul>
 * <li>a record with a principal runs as that principal;</li>
 * <li>a record without one whose {@code source} is configured under
 * {@code clearsky.security.kafka-publishers.<source>} runs as that publisher (origin {@code kafka});</li>
 * <li>any other record runs as {@link #ANONYMOUS}: refused while data access policies are configured,
 * unrestricted (as before policies existed) while none are.</li>
 * </ul>
 */
public final class Askers {

    /** The user of a question nobody can be named for. */
    public static final String ANONYMOUS = "anonymous";

    private final DataPolicies policies;

    public Askers(DataPolicies policies) {
        this.policies = policies;
    }

    /** Who asked {@code question}, and what they may read. */
    public Asker of(QuestionSubmitted question) {
        String source = question.getSource();
        Principal stated = question.getPrincipal();
        if (stated != null) {
            return new Asker(stated, this.policies.access(stated), Asker.Identity.RECORD, source);
        }
        return this.policies.publisher(source)
                .map((publisher) -> new Asker(publisher, this.policies.access(publisher), Asker.Identity.PUBLISHER, source))
                .orElseGet(() -> new Asker(anonymous(), this.policies.access((Principal) null), Asker.Identity.UNKNOWN,
                        source));
    }

    /** The principal of a record that names none, as audit records show it. */
    public static Principal anonymous() {
        return Principal.newBuilder().setUser(ANONYMOUS).setGroups(List.of()).setOrigin("kafka").build();
    }
}
