package io.clearsky.gateway.security;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call each endpoint, in one table read by the security filter chain, the 403 answer and the
 * OpenAPI document. The first rule that matches decides; a {@code null} role means public.
 */
public final class EndpointAccess {

    /**
     * One rule.
     *
     * @param method the HTTP method, or null for any
     * @param pattern a path pattern
     * @param role the least role needed; null for public
     */
    public record Rule(HttpMethod method, String pattern, Role role) {

        boolean matches(HttpMethod requestMethod, String path) {
            return (this.method == null || this.method.equals(requestMethod))
                    && PARSER.parse(this.pattern).matches(PathContainer.parsePath(path));
        }
    }

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /** The rules in order. */
    public static final List<Rule> RULES = List.of(
            new Rule(HttpMethod.GET, "/actuator/health", null),
            new Rule(HttpMethod.GET, "/actuator/health/**", null),
            new Rule(HttpMethod.GET, "/docs", null),
            new Rule(HttpMethod.GET, "/docs/**", null),
            new Rule(HttpMethod.GET, "/redoc", null),
            new Rule(HttpMethod.GET, "/openapi.json", null),
            new Rule(HttpMethod.GET, "/openapi.json/**", null),
            new Rule(HttpMethod.GET, "/webjars/**", null),
            new Rule(HttpMethod.GET, "/api/config", null),
            new Rule(HttpMethod.POST, "/api/config/reload", Role.ADMIN),
            new Rule(null, "/api/semantic/**", Role.ADMIN),
            new Rule(null, "/actuator/**", Role.ADMIN),
            new Rule(null, "/**", Role.VIEWER));

    private EndpointAccess() {
    }

    /** The least role {@code method path} needs; null when it is public. */
    public static Role roleFor(HttpMethod method, String path) {
        return RULES.stream().filter((rule) -> rule.matches(method, path)).findFirst().map(Rule::role).orElse(Role.VIEWER);
    }

    /** The pattern as compiled, for matching elsewhere. */
    static PathPattern compiled(Rule rule) {
        return PARSER.parse(rule.pattern());
    }
}
