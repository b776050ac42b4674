package io.clearsky.eval;

import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.lake.DuckDbLake;
import io.clearsky.core.semantic.ModelDerivation;
import io.clearsky.core.semantic.SemanticModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The semantic model an evaluated database is asked over: an authored one when the set's database folder
 * holds {@code semantic-model.json} or the classpath holds {@code clearsky/semantic/<db>.json} (the demo
 * lake's {@code main}), else one derived from its catalog, as for any database nobody has described. Until the
 * product's model loader lands, the authored file is read here with Jackson.
 */
final class SemanticModels {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Where one database's model comes from. */
    interface Source {

        SemanticModel model(List<TableInfo> tables);

        /** Whether the model was authored rather than derived. */
        boolean authored();
    }

    private SemanticModels() {
    }

    static Source inEffect(Path folder, String db, DuckDbLake lake) {
        SemanticModel authored = authored(folder, db);
        return new Source() {
            @Override
            public SemanticModel model(List<TableInfo> tables) {
                return (authored != null) ? authored : ModelDerivation.derive(lake.database(), tables);
            }

            @Override
            public boolean authored() {
                return authored != null;
            }
        };
    }

    /** The authored model of {@code db}, or null when there is none. */
    static SemanticModel authored(Path folder, String db) {
        Path file = folder.resolve("semantic-model.json");
        try {
            if (Files.isRegularFile(file)) {
                return JSON.readValue(file.toFile(), SemanticModel.class);
            }
            try (InputStream in = SemanticModels.class.getResourceAsStream("/clearsky/semantic/" + db + ".json")) {
                return (in != null) ? JSON.readValue(in, SemanticModel.class) : null;
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot read the semantic model of " + db, ex);
        }
    }
}
