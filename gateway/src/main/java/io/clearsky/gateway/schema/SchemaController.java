package io.clearsky.gateway.schema;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.catalog.TableInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The tables of the active database, as generation sees them.
 */
@RestController
@RequestMapping("/api/schema")
@Tag(name = "schema", description = "What the lake holds")
public class SchemaController {

    /** Tables of one database. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Tables(String database, List<TableInfo> tables) {
    }

    private final ObjectProvider<Catalog> catalog;

    SchemaController(ObjectProvider<Catalog> catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/tables")
    @Operation(summary = "Tables of a database with their columns, types and comments")
    public Mono<Tables> tables(@RequestParam(required = false) String database) {
        Catalog available = this.catalog.getIfAvailable();
        if (available == null) {
            return Mono.error(new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "No catalog is configured"));
        }
        String name = (database != null) ? database : available.defaultDatabase();
        return Mono.fromCallable(() -> new Tables(name, available.tables(name))).subscribeOn(Schedulers.boundedElastic());
    }
}
