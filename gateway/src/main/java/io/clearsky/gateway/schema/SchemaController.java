package io.clearsky.gateway.schema;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.SchemaSearch;
import io.clearsky.core.catalog.Suggestions;
import io.clearsky.core.catalog.TableInfo;
import io.clearsky.core.policy.DataPolicies;
import io.clearsky.gateway.api.ApiProblems;
import io.clearsky.gateway.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * What the lake holds, as generation sees it: databases, tables with columns, types, comments and
 * partition keys, and a search over them. Each caller sees only the databases, tables and columns its
 * groups' data access policies let it read, so the schema never shows what a question could not use.
 * Catalog reads may call Athena, so they run off the event loop.
 */
@RestController
@RequestMapping("/api/schema")
@Tag(name = "schema", description = "What the lake holds")
public class SchemaController {

    static final int MAX_QUERY_LENGTH = 500;

    static final int MAX_TOP_K = 50;

    /** The databases, and the one questions go to by default. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Databases(List<String> databases, String defaultDatabase) {
    }

    /** Tables of one database. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tables(String database, List<TableInfo> tables) {
    }

    /** Ranked tables and columns for a search. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SearchResults(String query, String database, List<SchemaSearch.Hit> results) {
    }

    private final ObjectProvider<Catalog> catalog;

    private final DataPolicies policies;

    SchemaController(ObjectProvider<Catalog> catalog, ObjectProvider<DataPolicies> policies) {
        this.catalog = catalog;
        this.policies = policies.getIfAvailable(DataPolicies::none);
    }

    @GetMapping("/databases")
    @Operation(summary = "Databases questions can be asked against")
    public Mono<Databases> databases(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return read(caller, (catalog) -> new Databases(catalog.databases(), catalog.defaultDatabase()));
    }

    @GetMapping("/tables")
    @Operation(summary = "Tables of a database with their columns, types and comments")
    public Mono<Tables> tables(@RequestParam(required = false) String database,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return read(caller, (catalog) -> {
            String name = (database != null) ? database : catalog.defaultDatabase();
            return new Tables(name, catalog.tables(name));
        });
    }

    @GetMapping("/table/{name}")
    @Operation(summary = "One table: columns, types, comments and partition keys")
    @ApiResponse(responseCode = "404", description = "No such table; `suggestions` lists the closest names",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<TableInfo> table(@PathVariable String name, @RequestParam(required = false) String database,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return read(caller, (catalog) -> {
            String in = (database != null) ? database : catalog.defaultDatabase();
            List<TableInfo> tables = catalog.tables(in);
            return tables.stream().filter((table) -> table.name().equalsIgnoreCase(name)).findFirst()
                    .orElseThrow(() -> unknownTable(name, in, tables));
        });
    }

    @GetMapping("/search")
    @Operation(summary = "Tables and columns ranked by how well their names and comments match the words of q")
    @ApiResponse(responseCode = "400", description = "Empty or overlong query, or top_k out of range",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<SearchResults> search(@RequestParam(required = false) String q,
            @RequestParam(name = "top_k", defaultValue = "10") int topK,
            @RequestParam(required = false) String database,
            @Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        if (q == null || q.isBlank()) {
            return Mono.error(ApiProblems.field(HttpStatus.BAD_REQUEST, "q", "q must not be empty"));
        }
        if (q.length() > MAX_QUERY_LENGTH) {
            return Mono.error(ApiProblems.field(HttpStatus.BAD_REQUEST, "q", "q must be at most " + MAX_QUERY_LENGTH + " characters"));
        }
        if (topK < 1 || topK > MAX_TOP_K) {
            return Mono.error(ApiProblems.field(HttpStatus.BAD_REQUEST, "top_k", "top_k must be between 1 and " + MAX_TOP_K));
        }
        return read(caller, (catalog) -> {
            String in = (database != null) ? database : catalog.defaultDatabase();
            return new SearchResults(q, in, SchemaSearch.search(catalog.tables(in), q, topK));
        });
    }

    /** Reads the catalog as {@code caller} may see it; without sign-in ({@code none} mode) as nobody's groups. */
    private <T> Mono<T> read(Caller caller, Function<Catalog, T> read) {
        Catalog available = this.catalog.getIfAvailable();
        if (available == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No catalog is configured"));
        }
        Catalog visible = this.policies.access((caller != null) ? caller.groups() : List.of()).view(available);
        return Mono.fromCallable(() -> read.apply(visible)).subscribeOn(Schedulers.boundedElastic());
    }

    private static ErrorResponseException unknownTable(String name, String database, List<TableInfo> tables) {
        List<String> suggestions = Suggestions.closest(name, tables.stream().map(TableInfo::name).toList());
        ErrorResponseException problem = ApiProblems.field(HttpStatus.NOT_FOUND, "name", "No table '" + name + "' in database '"
                + database + "'." + Suggestions.didYouMean(name, tables.stream().map(TableInfo::name).toList()));
        problem.getBody().setProperty("suggestions", suggestions);
        return problem;
    }

}
