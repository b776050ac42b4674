package io.clearsky.schemas.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;

/**
 * How to reach a schema registry. At most one of basic credentials and bearer token is used; a
 * {@code null} SSL context means the JVM's default trust.
 *
 * @param url base URL, e.g. {@code https://registry.example.com:8081}
 * @param username basic-auth user, or {@code null}
 * @param password basic-auth password, or {@code null}
 * @param bearerToken bearer token, or {@code null}
 * @param sslContext trust for {@code https} URLs, or {@code null}
 * @param timeout time one request may take
 */
public record RegistrySettings(URI url, String username, String password, String bearerToken, SSLContext sslContext,
        Duration timeout) {

    public RegistrySettings {
        if (url == null) {
            throw new IllegalArgumentException("The schema registry url must not be null");
        }
        timeout = (timeout != null) ? timeout : Duration.ofSeconds(10);
    }

    public static RegistrySettings of(String url) {
        return new RegistrySettings(URI.create(url), null, null, null, null, null);
    }

    /** The value of the {@code Authorization} header, or {@code null} for none. */
    String authorization() {
        if (this.bearerToken != null && !this.bearerToken.isBlank()) {
            return "Bearer " + this.bearerToken;
        }
        if (this.username != null && !this.username.isBlank()) {
            String pair = this.username + ":" + ((this.password != null) ? this.password : "");
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "RegistrySettings[url=" + this.url + ", auth=" + ((authorization() == null) ? "none"
                : authorization().substring(0, authorization().indexOf(' '))) + "]";
    }
}
