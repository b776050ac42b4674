package io.clearsky.core.config;

import io.clearsky.core.config.source.ConfigSource;
import io.clearsky.core.semantic.AuthoredModels;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModelReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads, checks and combines the two configuration objects and the semantic model files. Problems in all
 * of them are reported together; unknown fields of the two objects are logged as warnings and otherwise
 * ignored, as newer or older files may carry them (a semantic model file is checked against its JSON
 * Schema, which has no unknown fields). Checks that need more than the files, such as the catalog a
 * semantic model must match, are {@linkplain #addCheck(Check) registered} by their owners and run by
 * every load after that.
 */
public final class ConfigLoader {

    private static final Logger logger = LoggerFactory.getLogger(ConfigLoader.class);

    private final ConfigObject chatbot;

    private final ConfigObject vectorStore;

    private final List<ModelObject> semanticModels;

    private final List<Check> checks = new CopyOnWriteArrayList<>();

    public ConfigLoader(ConfigObject chatbot, ConfigObject vectorStore) {
        this(chatbot, vectorStore, List.of());
    }

    /**
     * @param semanticModels the semantic model files to read with the two objects
     */
    public ConfigLoader(ConfigObject chatbot, ConfigObject vectorStore, List<ModelObject> semanticModels) {
        this.chatbot = chatbot;
        this.vectorStore = vectorStore;
        this.semanticModels = List.copyOf(semanticModels);
    }

    /**
     * A semantic model file.
     *
     * @param database the database it describes
     * @param object where it is read from
     */
    public record ModelObject(String database, ConfigObject object) {
    }

    /** A check of a loaded configuration beyond its files: returns its problems, empty when there are none. */
    @FunctionalInterface
    public interface Check {

        List<ConfigProblem> check(ClearSkyConfig config);
    }

    /** Runs {@code check} in every later {@link #load()}: a reload whose check finds problems changes nothing. */
    public void addCheck(Check check) {
        this.checks.add(check);
    }

    public List<ModelObject> semanticModelObjects() {
        return this.semanticModels;
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
        AuthoredModels models = readModels(problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        ClearSkyConfig config = new ClearSkyConfig(chatbot, vectorStore, models);
        for (Check check : this.checks) {
            problems.addAll(check.check(config));
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return config;
    }

    private AuthoredModels readModels(List<ConfigProblem> problems) {
        Map<String, SemanticModel> models = new LinkedHashMap<>();
        Map<String, String> locations = new LinkedHashMap<>();
        for (ModelObject model : this.semanticModels) {
            String location = model.object().location();
            try {
                models.put(model.database(), SemanticModelReader.read(model.object().source().read(model.object().key()),
                        location, model.database()));
                locations.put(model.database(), location);
            }
            catch (ConfigException ex) {
                problems.addAll(ex.problems());
            }
        }
        return models.isEmpty() ? AuthoredModels.NONE : new AuthoredModels(models, locations);
    }

    /**
     * Checks both objects are still there, without reading them.
     *
     * @throws ConfigException naming the first object that is not
     */
    public void probe() {
        this.chatbot.source().probe(this.chatbot.key());
        this.vectorStore.source().probe(this.vectorStore.key());
        for (ModelObject model : this.semanticModels) {
            model.object().source().probe(model.object().key());
        }
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
