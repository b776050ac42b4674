package io.clearsky.local.dlq;

import io.clearsky.local.ClearSkyLocal;
import io.clearsky.schemas.Topics;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * {@code bin/clearsky dlq list|replay [--id ID ...] [--bootstrap-servers HOST:PORT] [--topic NAME]}: shows the
 * dead-letter topic's records with their reasons, or publishes them (those with the given ids, else all)
 * back to their source topic. The broker is {@code --bootstrap-servers}, else
 * {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}, else the running local product's (its {@code addresses.properties}
 * under {@code CLEARSKY_DATA_DIR}).
 */
public final class DlqCommand {

    private static final String USAGE = "Usage: bin/clearsky dlq list|replay [--id ID ...] [--bootstrap-servers HOST:PORT]"
            + " [--topic NAME]";

    private DlqCommand() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0 || !(args[0].equals("list") || args[0].equals("replay"))) {
            fail(USAGE);
        }
        Set<String> ids = new LinkedHashSet<>();
        String bootstrap = null;
        String topic = Topics.QUESTIONS_DLQ;
        for (int i = 1; i < args.length; i++) {
            String value = (i + 1 < args.length) ? args[i + 1] : null;
            switch (args[i]) {
                case "--id" -> ids.add(required("--id", value));
                case "--bootstrap-servers" -> bootstrap = required("--bootstrap-servers", value);
                case "--topic" -> topic = required("--topic", value);
                default -> fail("Unknown argument " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        DeadLetterTopic dlq = new DeadLetterTopic(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                (bootstrap != null) ? bootstrap : localBroker()), topic);
        List<DeadLetter> letters = dlq.list(ids);
        if (args[0].equals("list")) {
            letters.forEach(DlqCommand::print);
            System.out.println(letters.size() + " dead letters in " + topic);
            return;
        }
        List<DeadLetter> replayed = dlq.replay(letters);
        replayed.forEach((letter) -> System.out.println("replayed " + letter.partition() + "@" + letter.offset() + " "
                + letter.id() + " -> " + letter.sourceTopic()));
        System.out.println(replayed.size() + " of " + letters.size() + " dead letters replayed"
                + ((replayed.size() < letters.size()) ? "; the others carry no origin header" : ""));
    }

    private static void print(DeadLetter letter) {
        System.out.printf("%d@%d  %s  %s  %d bytes  from %s%n    %s%n", letter.partition(), letter.offset(), letter.id(),
                letter.reasonCode(), letter.size(), letter.origin(), letter.reason());
    }

    /** The broker of the local product, as it wrote it at start-up, else its default address. */
    private static String localBroker() throws IOException {
        String environment = System.getenv("SPRING_KAFKA_BOOTSTRAP_SERVERS");
        if (environment != null && !environment.isBlank()) {
            return environment;
        }
        String dataDir = System.getenv("CLEARSKY_DATA_DIR");
        Path addresses = Path.of((dataDir != null && !dataDir.isBlank()) ? dataDir : "data", ClearSkyLocal.ADDRESSES_FILE);
        if (Files.isReadable(addresses)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(addresses)) {
                properties.load(reader);
            }
            return properties.getProperty(ClearSkyLocal.BOOTSTRAP_SERVERS, "127.0.0.1:19092");
        }
        return "127.0.0.1:19092";
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            fail(option + " needs a value\n" + USAGE);
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
