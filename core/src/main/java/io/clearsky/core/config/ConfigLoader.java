package io.clearsky.core.config;

import io.clearsky.core.config.source.ConfigSource;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, checks and combines the two configuration objects. Problems in both are reported together;
 * unknown fields are logged as warnings and otherwise ignored, as newer or older files may carry them.
 */
public final class ConfigLoader {

    private static final Logger logger = LoggerFactory.getLogger(ConfigLoader.class);

    private final ConfigObject chatbot;

    private final ConfigObject vectorStore;

    public ConfigLoader(ConfigObject chatbot, ConfigObject vectorStore) {
        this.chatbot = chatbot;
        this.vectorStore = vectorStore;
    }

    /**
     * One configuration object: its source and its key there.
     *
     * @param source where it is read from
     * @param key the S3 key, file path or resource name
     */
    public record ConfigObject(ConfigSource source, String key) {

        public String location() {
            return this.source.location(this.key);
        }
    }

    public ConfigObject chatbotObject() {
        return this.chatbot;
    }

    public ConfigObject vectorStoreObject() {
        return this.vectorStore;
    }

    /**
     * Both objects, read and validated now.
     *
     * @throws ConfigException with every problem found in either object
     */
    public ClearSkyConfig load() {
        List<ConfigProblem> problems = new ArrayList<>();
        ChatbotConfig chatbot = read(this.chatbot, problems, ConfigReader::chatbot, ConfigValidator::validate);
        VectorStoreConfig vectorStore = read(this.vectorStore, problems, ConfigReader::vectorStore,
                ConfigValidator::validate);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new ClearSkyConfig(chatbot, vectorStore);
    }

    /**
     * Checks both objects are still there, without reading them.
     *
     * @throws ConfigException naming the first object that is not
     */
    public void probe() {
        this.chatbot.source().probe(this.chatbot.key());
        this.vectorStore.source().probe(this.vectorStore.key());
    }

    private static <T> T read(ConfigObject object, List<ConfigProblem> problems, Reader<T> reader,
            Validator<T> validator) {
        String location = object.location();
        try {
            ConfigReader.Parsed<T> parsed = reader.read(object.source().read(object.key()), location);
            for (String field : parsed.unknownFields()) {
                logger.warn("{}: unknown field {} ignored", location, field);
            }
            problems.addAll(validator.validate(parsed.value(), location));
            return parsed.value();
        }
        catch (ConfigException ex) {
            problems.addAll(ex.problems());
            return null;
        }
    }

    @FunctionalInterface
    private interface Reader<T> {

        ConfigReader.Parsed<T> read(byte[] json, String source);
    }

    @FunctionalInterface
    private interface Validator<T> {

        List<ConfigProblem> validate(T config, String source);
    }
}
