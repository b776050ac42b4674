package io.clearsky.core.config;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import io.clearsky.core.semantic.AuthoredModels;
import io.clearsky.core.semantic.SemanticModel;
import io.clearsky.core.semantic.SemanticModelReader;
import tools.jackson.databind.JsonNode;

/**
 * Both configuration objects and the authored semantic models as one value, with a fingerprint of their
 * content so instances can tell whether they run the same configuration without exchanging it.
 *
 * @param chatbot {@code chatbot_config.json}
 * @param vectorStore {@code vector_store_config.json}
 * @param semanticModels the authored semantic model files, by database
 */
public record ClearSkyConfig(ChatbotConfig chatbot, VectorStoreConfig vectorStore, AuthoredModels semanticModels) {

    public static final String CHATBOT = "chatbot_config";

    public static final String VECTOR_STORE = "vector_store_config";

    public static final String SEMANTIC_MODELS = "semantic_models";

    public ClearSkyConfig {
        semanticModels = (semanticModels != null) ? semanticModels : AuthoredModels.NONE;
    }

    /** Both objects without semantic models. */
    public ClearSkyConfig(ChatbotConfig chatbot, VectorStoreConfig vectorStore) {
        this(chatbot, vectorStore, AuthoredModels.NONE);
    }

    /**
     * SHA-256 of the canonical JSON of both objects and of each authored semantic model, hex. Field order
     * and whitespace do not matter; without semantic models it is the fingerprint of the two objects alone.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(ConfigReader.canonical(this.chatbot));
            digest.update((byte) 0);
            digest.update(ConfigReader.canonical(this.vectorStore));
            for (String database : this.semanticModels.databases()) {
                digest.update((byte) 0);
                digest.update(database.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(SemanticModelReader.canonical(this.semanticModels.models().get(database)));
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is part of every JDK", ex);
        }
    }

    /**
     * The fields whose values differ from {@code before}, as paths such as
     * {@code chatbot_config.features.default_max_rows}. Values are left out: some are secret.
     */
    public List<String> changesFrom(ClearSkyConfig before) {
        List<String> changes = new ArrayList<>();
        diff(CHATBOT, ConfigReader.tree(before.chatbot), ConfigReader.tree(this.chatbot), changes);
        diff(VECTOR_STORE, ConfigReader.tree(before.vectorStore), ConfigReader.tree(this.vectorStore), changes);
        Set<String> databases = new TreeSet<>(before.semanticModels.databases());
        databases.addAll(this.semanticModels.databases());
        for (String database : databases) {
            SemanticModel was = before.semanticModels.models().get(database);
            SemanticModel now = this.semanticModels.models().get(database);
            if (was == null || now == null) {
                changes.add(SEMANTIC_MODELS + "." + database);
            }
            else {
                diff(SEMANTIC_MODELS + "." + database, SemanticModelReader.tree(was), SemanticModelReader.tree(now),
                        changes);
            }
        }
        return changes;
    }

    private static void diff(String path, JsonNode before, JsonNode after, List<String> changes) {
        if (before.isObject() && after.isObject()) {
            Set<String> names = new TreeSet<>();
            before.propertyNames().forEach(names::add);
            after.propertyNames().forEach(names::add);
            for (Iterator<String> it = names.iterator(); it.hasNext();) {
                String name = it.next();
                diff(path + "." + name, before.path(name), after.path(name), changes);
            }
        }
        else if (!before.equals(after)) {
            changes.add(path);
        }
    }
}
