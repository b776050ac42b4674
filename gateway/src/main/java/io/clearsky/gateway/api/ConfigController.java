package io.clearsky.gateway.api;

import io.clearsky.core.catalog.Catalog;
import io.clearsky.core.config.ChatbotConfig;
import io.clearsky.core.config.ConfigException;
import io.clearsky.core.config.ConfigProperties;
import io.clearsky.core.config.LiveConfig;
import io.clearsky.core.config.sync.ConfigSync;
import io.clearsky.core.config.sync.ReloadResult;
import io.clearsky.core.guard.GuardProperties;
import io.clearsky.gateway.GatewayProperties;
import io.clearsky.gateway.health.HealthReport;
import io.clearsky.gateway.health.HealthReporter;
import io.clearsky.gateway.security.ApiKeyRegistry;
import io.clearsky.gateway.security.Caller;
import io.clearsky.gateway.security.GatewayAudit;
import io.clearsky.gateway.security.SecurityProperties;
import io.swagger.v3.oas.annotations.Parameter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The configuration as the frontend sees it, reloading it across all instances, and health.
 */
@RestController
@Tag(name = "config", description = "Service configuration and health")
public class ConfigController {

    private static final Logger logger = LoggerFactory.getLogger(ConfigController.class);

    private final LiveConfig live;

    private final ConfigSync sync;

    private final ConfigProperties configProperties;

    private final GatewayProperties gateway;

    private final GuardProperties guard;

    private final ObjectProvider<Catalog> catalog;

    private final HealthReporter health;

    private final SecurityProperties security;

    private final ApiKeyRegistry apiKeys;

    private final GatewayAudit audit;

    ConfigController(LiveConfig live, ConfigSync sync, ConfigProperties configProperties, GatewayProperties gateway,
            GuardProperties guard, ObjectProvider<Catalog> catalog, HealthReporter health, SecurityProperties security,
            ApiKeyRegistry apiKeys, GatewayAudit audit) {
        this.live = live;
        this.sync = sync;
        this.configProperties = configProperties;
        this.gateway = gateway;
        this.guard = guard;
        this.catalog = catalog;
        this.health = health;
        this.security = security;
        this.apiKeys = apiKeys;
        this.audit = audit;
    }

    @GetMapping("/api/config")
    @Operation(summary = "The frontend configuration", description = "App name, version, features, model, "
            + "database and limits of the revision in force. Holds nothing secret.")
    public FrontendConfig config() {
        LiveConfig.Revision revision = this.live.revision();
        ChatbotConfig chatbot = revision.config().chatbot();
        Catalog lake = this.catalog.getIfAvailable();
        String database = (lake != null) ? lake.defaultDatabase() : chatbot.athena().database();
        return new FrontendConfig(chatbot.appName(), chatbot.version(), revision.number(), chatbot.features(),
                chatbot.bedrock().modelId(), database,
                new FrontendConfig.Limits(this.gateway.maxQuestionLength(), this.guard.maxSqlLength(),
                        this.gateway.maxRows(), chatbot.features().defaultMaxRows(),
                        chatbot.features().largeResultThreshold(), chatbot.athena().queryTimeoutSeconds()),
                this.security.mode().label());
    }

    @PostMapping("/api/config/reload")
    @Operation(summary = "Re-read both configuration objects and apply them everywhere",
            description = "Validates the objects, publishes them as the next revision and waits for every "
                    + "gateway and worker instance to answer. 200 with the revision, the changed fields and "
                    + "each instance's answer; 422 with every problem when the objects are invalid, in which "
                    + "case the revision in force stays everywhere. Re-reads the API key list too, so a key "
                    + "removed from it stops working (on the other instances within `clearsky.security.api-keys.refresh`).")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReloadResult.class)))
    @ApiResponse(responseCode = "422", content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
    public Mono<ResponseEntity<Object>> reload(@Parameter(hidden = true) @AuthenticationPrincipal Caller caller) {
        return Mono.fromCallable(() -> {
            int keys = this.apiKeys.reload();
            ReloadResult result = this.sync.reload(this.configProperties.reloadWait());
            this.audit.configReload(caller, "APPLIED", "revision " + result.revision()
                    + (this.apiKeys.configured() ? ", " + keys + " API keys in force" : ""));
            return ResponseEntity.<Object>ok(result);
        })
                .onErrorResume(ConfigException.class, (ex) -> Mono.just(invalid(ex, caller)))
                .onErrorResume(IllegalStateException.class, (ex) -> Mono.just(unpublished(ex, caller)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/config/health")
    @Operation(summary = "Health of each component and of the service",
            description = "UP or DEGRADED (a non-essential component is down) answer 200; DOWN (Kafka or the "
                    + "state stores are down) answers 503. Results are cached for a few seconds.")
    public Mono<ResponseEntity<HealthReport>> health() {
        return Mono.fromCallable(this.health::report)
                .map((report) -> ResponseEntity.status(report.down() ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.OK)
                        .body(report))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<Object> invalid(ConfigException ex, Caller caller) {
        this.audit.configReload(caller, "REFUSED", "invalid configuration; revision " + this.live.revision().number()
                + " stays in force");
        logger.warn("Configuration reload refused, revision {} stays in force: {}", this.live.revision().number(),
                ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                "The configuration objects are invalid; revision " + this.live.revision().number()
                        + " stays in force everywhere");
        problem.setTitle("Invalid configuration");
        List<Map<String, String>> errors = ex.problems().stream()
                .map((p) -> Map.of("source", p.source(), "field", p.path(), "message", p.message()))
                .toList();
        problem.setProperty("errors", errors);
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
    }

    private ResponseEntity<Object> unpublished(IllegalStateException ex, Caller caller) {
        this.audit.configReload(caller, "REFUSED", "not published: Kafka not reachable");
        logger.warn("Configuration reload not published: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE, "The new revision could not be published; Kafka is not reachable"));
    }
}
