package io.clearsky.gateway.semantic;

import io.clearsky.core.semantic.ModelInEffect;
import io.clearsky.core.semantic.SemanticModelReader;
import io.clearsky.core.semantic.SemanticModels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The semantic models in effect, read-only: the model a database's questions are answered with (its
 * authored model laid over the one derived from the catalog) and where each part came from. Administrators
 * only ({@code EndpointAccess}): a model names every table and column of its database.
 */
@RestController
@Tag(name = "semantic", description = "The semantic models in effect (admin)")
public class SemanticController {

    private static final String ADMIN_NOTE = " Administrators only.";

    private final ObjectProvider<SemanticModels> models;

    public SemanticController(ObjectProvider<SemanticModels> models) {
        this.models = models;
    }

    /**
     * One database and whether it has an authored model.
     *
     * @param database the database
     * @param authored whether a semantic model file is configured for it
     * @param location where that file was read from; null when none
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record DatabaseModel(String database, boolean authored, String location) {
    }

    /** The databases, each with whether it has an authored model. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelList(List<DatabaseModel> databases) {
    }

    /**
     * A model in effect.
     *
     * @param database the database
     * @param authoredLocation where its authored model was read from; null when it has none
     * @param authored per kind (entities, metrics, …) the names of the objects the authored model supplied
     * @param derived per kind the names of the objects derived from the catalog
     * @param promoted how many verified queries were promoted from answers
     * @param model the model in effect, in the semantic model file format (camelCase fields)
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ModelView(String database, String authoredLocation, Map<String, List<String>> authored,
            Map<String, List<String>> derived, int promoted, JsonNode model) {

        static ModelView of(ModelInEffect effect) {
            return new ModelView(effect.database(), effect.authoredLocation(), effect.authored(), effect.derived(),
                    effect.promoted().size(), SemanticModelReader.tree(effect.model()));
        }
    }

    @GetMapping("/api/semantic/models")
    @Operation(summary = "The databases and whether each has an authored semantic model",
            description = "Every database of the catalog and every database a semantic model file is configured for."
                    + ADMIN_NOTE)
    public Mono<ModelList> list() {
        return Mono.fromCallable(() -> {
            SemanticModels registry = this.models.getIfAvailable();
            if (registry == null) {
                return new ModelList(List.of());
            }
            return new ModelList(registry.databases().stream().map((database) -> {
                ModelInEffect effect = registry.inEffect(database);
                return new DatabaseModel(database, effect.hasAuthoredModel(), effect.authoredLocation());
            }).toList());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/semantic/models/{database}")
    @Operation(summary = "The semantic model in effect for a database",
            description = "The authored model laid over the model derived from the catalog, in the file format, "
                    + "with the names of the authored and the derived objects per kind. It changes with "
                    + "POST /api/config/reload." + ADMIN_NOTE)
    @ApiResponse(responseCode = "200", description = "The model in effect")
    @ApiResponse(responseCode = "404", description = "No such database")
    public Mono<ResponseEntity<Object>> model(@PathVariable String database) {
        return Mono.fromCallable(() -> {
            SemanticModels registry = this.models.getIfAvailable();
            if (registry == null || registry.databases().stream().noneMatch(database::equalsIgnoreCase)) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                        "No database '" + database + "'; GET /api/semantic/models lists them");
                problem.setTitle("Unknown database");
                return ResponseEntity.status(HttpStatus.NOT_FOUND).<Object>body(problem);
            }
            return ResponseEntity.<Object>ok(ModelView.of(registry.inEffect(database)));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
