package io.clearsky.gateway.security;

import io.clearsky.core.audit.AuditTrail;
import io.clearsky.core.config.ConfigProperties;
import io.clearsky.core.config.source.FileConfigSource;
import io.clearsky.core.config.source.S3ConfigSource;
import io.clearsky.core.kafka.TopicProperties;
import io.clearsky.gateway.GatewayProperties;
import io.clearsky.gateway.store.UpdateNotifier;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.kafka.clients.producer.Producer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The gateway's sign-in and access wiring: who the caller is (by mode), what each endpoint needs
 * ({@link EndpointAccess}), problem details for 401 and 403, per-caller limits, CORS and the security
 * headers of the HTML pages.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    /** Allows what Swagger UI and ReDoc need from this origin, nothing from elsewhere, and no framing. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    @Bean
    RoleResolver roleResolver(SecurityProperties properties) {
        return new RoleResolver(properties.roles());
    }

    @Bean
    GatewayAudit gatewayAudit(Producer<String, byte[]> gatewayProducer, TopicProperties topics) {
        return new GatewayAudit(new AuditTrail(gatewayProducer, topics.audit()));
    }

    @Bean
    AccessChecks accessChecks(GatewayAudit gatewayAudit) {
        return new AccessChecks(gatewayAudit);
    }

    @Bean
    QuestionLimits questionLimits(SecurityProperties properties, UpdateNotifier notifier, GatewayAudit gatewayAudit) {
        return new QuestionLimits(properties.limits(), notifier, gatewayAudit);
    }

    /** The API keys, read now: an unreadable or invalid list stops start-up with a line naming it. */
    @Bean
    ApiKeyRegistry apiKeyRegistry(SecurityProperties properties, ConfigProperties config, S3Client s3) {
        String key = properties.apiKeys().key();
        ApiKeyRegistry registry = (key == null) ? new ApiKeyRegistry(null, null)
                : new ApiKeyRegistry((config.bucket() != null) ? new S3ConfigSource(s3, config.bucket())
                        : new FileConfigSource(Path.of("")), key);
        registry.reload();
        return registry;
    }

    /** Every instance re-reads the API keys now and then, so a key revoked by a reload elsewhere stops here too. */
    @Bean(destroyMethod = "dispose")
    Disposable apiKeyRefresh(ApiKeyRegistry registry, SecurityProperties properties) {
        if (!registry.configured()) {
            return Mono.never().subscribe();
        }
        return Flux.interval(properties.apiKeys().refresh(), Schedulers.boundedElastic())
                .subscribe((tick) -> registry.refresh());
    }

    /** Also keeps Spring Boot from creating a default user with a generated password. */
    @Bean
    ReactiveAuthenticationManager apiKeyAuthenticationManager(ApiKeyRegistry registry, RoleResolver roles) {
        return ApiKeyAuthentication.manager(registry, roles);
    }

    @Bean
    SecurityOpenApi securityOpenApi(SecurityProperties properties) {
        return new SecurityOpenApi(properties.mode());
    }

    @Bean
    SecurityAnnouncer securityAnnouncer(SecurityProperties properties, ApiKeyRegistry registry) {
        return new SecurityAnnouncer(properties, registry);
    }

    @Bean
    SecurityWebFilterChain clearskySecurity(ServerHttpSecurity http, SecurityProperties properties,
            GatewayProperties gateway, RoleResolver roles, GatewayAudit audit, QuestionLimits limits,
            ReactiveAuthenticationManager apiKeyAuthenticationManager) {
        ProblemAuthenticationEntryPoint entryPoint = new ProblemAuthenticationEntryPoint();
        ProblemAccessDeniedHandler denied = new ProblemAccessDeniedHandler(audit);
        http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .cors((cors) -> cors.configurationSource(CorsSettings.from(gateway.corsOrigins())))
                .headers((headers) -> headers
                        .contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions((frame) -> frame.mode(Mode.DENY)))
                .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(denied))
                .authorizeExchange((exchanges) -> {
                    exchanges.pathMatchers(HttpMethod.OPTIONS, "/api/**").permitAll();
                    for (EndpointAccess.Rule rule : EndpointAccess.RULES) {
                        var matcher = (rule.method() != null) ? exchanges.pathMatchers(rule.method(), rule.pattern())
                                : exchanges.pathMatchers(rule.pattern());
                        if (rule.role() == null) {
                            matcher.permitAll();
                        }
                        else {
                            matcher.hasAnyAuthority(authoritiesIncluding(rule.role()));
                        }
                    }
                    exchanges.anyExchange().denyAll();
                });
        if (properties.mode() == SecurityMode.OIDC) {
            http.oauth2ResourceServer((resourceServer) -> resourceServer
                    .bearerTokenConverter(jwtOnly())
                    .authenticationEntryPoint(entryPoint)
                    .accessDeniedHandler(denied)
                    .jwt((jwt) -> jwt.jwtDecoder(OidcDecoders.decoder(properties.oidc()))
                            .jwtAuthenticationConverter(new JwtCallerConverter(properties.oidc(), roles))));
            http.addFilterAt(apiKeyFilter(apiKeyAuthenticationManager, entryPoint), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        else {
            http.addFilterAt(new LocalCallerFilter(properties.mode(), properties.localUser()),
                    SecurityWebFiltersOrder.AUTHENTICATION);
        }
        http.addFilterAfter(new RateLimitFilter(new RequestRateLimiter(), limits, audit), SecurityWebFiltersOrder.AUTHORIZATION);
        return http.build();
    }

    private static AuthenticationWebFilter apiKeyFilter(ReactiveAuthenticationManager manager,
            ProblemAuthenticationEntryPoint entryPoint) {
        AuthenticationWebFilter filter = new AuthenticationWebFilter(manager);
        filter.setServerAuthenticationConverter(ApiKeyAuthentication.converter());
        filter.setAuthenticationFailureHandler(new ServerAuthenticationEntryPointFailureHandler(entryPoint));
        filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
        return filter;
    }

    /** Bearer tokens that are JWTs; API keys ({@code Bearer csk_…} or {@code X-API-Key}) are left to the API key filter. */
    private static ServerAuthenticationConverter jwtOnly() {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        return (exchange) -> {
            HttpHeaders headers = exchange.getRequest().getHeaders();
            if (headers.containsHeader(CallerAuthentication.API_KEY_HEADER)
                    || ApiKeyAuthentication.isApiKeyBearer(headers.getFirst(HttpHeaders.AUTHORIZATION))) {
                return Mono.empty();
            }
            return bearer.convert(exchange);
        };
    }

    private static String[] authoritiesIncluding(Role least) {
        return Arrays.stream(Role.values()).filter((role) -> role.includes(least)).map(Role::authority)
                .toArray(String[]::new);
    }
}
