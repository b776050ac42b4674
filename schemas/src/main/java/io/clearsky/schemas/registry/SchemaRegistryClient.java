package io.clearsky.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * A client of the Confluent-compatible schema registry REST API (Confluent, Apicurio's {@code /apis/ccompat},
 * Karapace, Redpanda), over {@code java.net.http}. Ids are cached both ways: a schema is registered once
 * per subject and an id is fetched once per process.
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RegistrySettings settings;

    private final HttpClient http;

    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(RegistrySettings settings) {
        this.settings = settings;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.timeout());
        if (settings.sslContext() != null) {
            builder.sslContext(settings.sslContext());
        }
        this.http = builder.build();
    }

    public RegistrySettings settings() {
        return this.settings;
    }

    /**
     * Checks the schema against the subject's latest version with the registry's compatibility rule
     * (BACKWARD unless the subject is configured otherwise), then registers it and returns its id. A
     * subject that does not exist yet accepts any schema.
     *
     * @throws SchemaRejectedException when the registry finds the schema incompatible or invalid
     * @throws RegistryUnavailableException when the registry cannot be reached; retry later
     */
    public int register(String subject, Schema schema) {
        String cacheKey = subject + "\n" + schema.toString();
        Integer cached = this.idsBySubjectAndSchema.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        String body = schemaBody(schema);
        HttpResponse<String> check = call(post("/compatibility/subjects/" + encode(subject) + "/versions/latest", body));
        if (check.statusCode() == 200 && !readTree(check).path("is_compatible").asBoolean(false)) {
            throw new SchemaRejectedException("The schema registry at " + this.settings.url() + " rejects "
                    + schema.getFullName() + " for subject '" + subject + "': not compatible with its latest version"
                    + messages(check));
        }
        if (check.statusCode() != 200 && check.statusCode() != 404) {
            throw rejected(check, "check the compatibility of " + schema.getFullName() + " for subject '" + subject + "'");
        }
        HttpResponse<String> registered = call(post("/subjects/" + encode(subject) + "/versions", body));
        if (registered.statusCode() != 200) {
            throw rejected(registered, "register " + schema.getFullName() + " under subject '" + subject + "'");
        }
        int id = readTree(registered).path("id").asInt();
        this.idsBySubjectAndSchema.put(cacheKey, id);
        this.schemasById.putIfAbsent(id, schema);
        return id;
    }

    /**
     * The writer schema registered under an id.
     *
     * @throws SchemaRejectedException when the registry does not know the id
     * @throws RegistryUnavailableException when the registry cannot be reached; retry later
     */
    public Schema schemaById(int id) {
        Schema cached = this.schemasById.get(id);
        if (cached != null) {
            return cached;
        }
        HttpResponse<String> response = call(request("/schemas/ids/" + id).GET().build());
        if (response.statusCode() != 200) {
            throw rejected(response, "fetch schema id " + id);
        }
        JsonNode node = readTree(response);
        String type = node.path("schemaType").asText("AVRO");
        if (!"AVRO".equals(type)) {
            throw new SchemaRejectedException("Schema id " + id + " is a " + type + " schema, not Avro");
        }
        Schema schema = new Schema.Parser().parse(node.path("schema").asText());
        this.schemasById.putIfAbsent(id, schema);
        return schema;
    }

    private HttpResponse<String> call(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new RegistryUnavailableException("The schema registry at " + this.settings.url()
                    + " cannot be reached: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new RegistryUnavailableException("Interrupted while calling the schema registry", ex);
        }
        if (response.statusCode() >= 500 || response.statusCode() == 429) {
            throw new RegistryUnavailableException("The schema registry at " + this.settings.url() + " answered "
                    + response.statusCode() + messages(response), null);
        }
        return response;
    }

    private HttpRequest post(String path, String body) {
        return request(path).header("Content-Type", CONTENT_TYPE).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpRequest.Builder request(String path) {
        String base = this.settings.url().toString().replaceAll("/+$", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(this.settings.timeout())
                .header("Accept", CONTENT_TYPE + ", application/json");
        String authorization = this.settings.authorization();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private SchemaRejectedException rejected(HttpResponse<String> response, String action) {
        String hint = (response.statusCode() == 401 || response.statusCode() == 403)
                ? " (check the registry credentials)" : "";
        return new SchemaRejectedException("The schema registry at " + this.settings.url() + " refused to " + action
                + ": HTTP " + response.statusCode() + messages(response) + hint);
    }

    private static String messages(HttpResponse<String> response) {
        try {
            JsonNode node = JSON.readTree(response.body());
            String message = node.path("message").asText("");
            return message.isEmpty() ? "" : " (" + message + ")";
        }
        catch (IOException | RuntimeException ex) {
            return "";
        }
    }

    private JsonNode readTree(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        }
        catch (IOException ex) {
            throw new RegistryUnavailableException("The schema registry at " + this.settings.url()
                    + " answered with unreadable JSON", ex);
        }
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
