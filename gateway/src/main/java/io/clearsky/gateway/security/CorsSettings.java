package io.clearsky.gateway.security;

import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * CORS for {@code /api/**} exactly from {@code CORS_ORIGINS}: listed origins may send credentials;
 * {@code *} allows any origin but never with credentials (browsers refuse that pair, and it would let
 * any site act with a user's cookies). Bearer tokens and API keys are headers, which both allow.
 */
final class CorsSettings {

    private CorsSettings() {
    }

    static CorsConfigurationSource from(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        boolean any = origins.contains("*");
        cors.setAllowedOrigins(any ? List.of("*") : origins);
        cors.setAllowCredentials(!any);
        cors.setAllowedMethods(List.of("GET", "POST", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", "Last-Event-ID",
                CallerAuthentication.API_KEY_HEADER, CallerAuthentication.USER_HEADER));
        cors.setExposedHeaders(List.of("Location", "Retry-After", "WWW-Authenticate"));
        cors.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
