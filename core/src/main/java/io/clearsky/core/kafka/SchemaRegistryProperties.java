package io.clearsky.core.kafka;

import io.clearsky.schemas.ContractSerdes;
import io.clearsky.schemas.registry.RegistrySettings;
import io.clearsky.schemas.registry.SchemaRegistryClient;
import io.clearsky.schemas.registry.SubjectNaming;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Registry mode. Set {@code clearsky.schema.registry.url} ({@code CLEARSKY_SCHEMA_REGISTRY_URL}) and every
 * ClearSky producer writes the Confluent wire format, registering its schemas under
 * {@code subjectNaming}; unset, records use Avro single-object encoding and no registry is needed.
 *
 * @param url base URL of a Confluent-compatible registry (Confluent, Apicurio's {@code /apis/ccompat/v7},
 * Karapace, Redpanda)
 * @param username basic-auth user
 * @param password basic-auth password; never logged
 * @param bearerToken bearer token, used instead of basic auth when set; never logged
 * @param truststorePath PKCS12 or JKS trust store for a registry whose certificate the JVM does not trust
 * @param truststorePassword the trust store's password
 * @param subjectNaming {@code TOPIC_NAME} ({@code <topic>-value}, default), {@code RECORD_NAME} or
 * {@code TOPIC_RECORD_NAME}
 * @param retryBudget how long a record waits for an unreachable registry before its write fails (default 5m)
 */
@ConfigurationProperties("clearsky.schema.registry")
public record SchemaRegistryProperties(String url, String username, String password, String bearerToken,
        Path truststorePath, String truststorePassword, SubjectNaming subjectNaming, Duration retryBudget) {

    public SchemaRegistryProperties {
        subjectNaming = (subjectNaming != null) ? subjectNaming : SubjectNaming.TOPIC_NAME;
        retryBudget = (retryBudget != null) ? retryBudget : Duration.ofMinutes(5);
    }

    public boolean enabled() {
        return this.url != null && !this.url.isBlank();
    }

    /** The serdes of the query topics: registry mode when a url is set, single-object otherwise. */
    public ContractSerdes serdes() {
        if (!enabled()) {
            return ContractSerdes.singleObject();
        }
        RegistrySettings settings = new RegistrySettings(URI.create(this.url.trim()), this.username, this.password,
                this.bearerToken, sslContext(), null);
        return ContractSerdes.registry(new SchemaRegistryClient(settings), this.subjectNaming, this.retryBudget);
    }

    private SSLContext sslContext() {
        if (this.truststorePath == null) {
            return null;
        }
        char[] password = (this.truststorePassword != null) ? this.truststorePassword.toCharArray() : null;
        try {
            KeyStore store = KeyStore.getInstance(this.truststorePath.toFile(), password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        }
        catch (IOException | GeneralSecurityException ex) {
            throw new IllegalStateException("clearsky.schema.registry.truststore-path: cannot load trust store "
                    + this.truststorePath + ": " + ex.getMessage(), ex);
        }
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "SchemaRegistryProperties[url=" + this.url + ", subjectNaming=" + this.subjectNaming + "]";
    }
}
