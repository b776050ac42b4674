package io.clearsky.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * A schema registry on loopback speaking the Confluent REST API's wire protocol for the calls ClearSky
 * makes: register a version, fetch a schema by id, check BACKWARD compatibility against the latest
 * version. It can be taken down (every call answers 503) and can require an {@code Authorization} header.
 */
public final class RegistryStandIn implements AutoCloseable {

    private static final Pattern VERSIONS = Pattern.compile("/subjects/([^/]+)/versions");

    private static final Pattern IDS = Pattern.compile("/schemas/ids/(\\d+)");

    private static final Pattern COMPATIBILITY = Pattern.compile("/compatibility/subjects/([^/]+)/versions/latest");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private final Map<Integer, String> schemasById = new ConcurrentHashMap<>();

    private final Map<String, List<Integer>> versionsBySubject = new ConcurrentHashMap<>();

    private final AtomicInteger nextId = new AtomicInteger(1);

    private final AtomicInteger requests = new AtomicInteger();

    private volatile boolean down;

    private volatile String requiredAuthorization;

    public RegistryStandIn() {
        try {
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    public void down(boolean down) {
        this.down = down;
    }

    public void requireAuthorization(String value) {
        this.requiredAuthorization = value;
    }

    public int requests() {
        return this.requests.get();
    }

    /** Registers a schema as another producer would, returning its id. */
    public synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        for (Map.Entry<Integer, String> known : this.schemasById.entrySet()) {
            if (known.getValue().equals(text) && this.versionsBySubject.getOrDefault(subject, List.of()).contains(known.getKey())) {
                return known.getKey();
            }
        }
        int id = this.nextId.getAndIncrement();
        this.schemasById.put(id, text);
        this.versionsBySubject.computeIfAbsent(subject, (s) -> new ArrayList<>()).add(id);
        return id;
    }

    public List<Integer> versions(String subject) {
        return List.copyOf(this.versionsBySubject.getOrDefault(subject, List.of()));
    }

    private void handle(HttpExchange exchange) throws IOException {
        this.requests.incrementAndGet();
        try (exchange) {
            if (this.down) {
                respond(exchange, 503, "{\"error_code\":50300,\"message\":\"registry unavailable\"}");
                return;
            }
            String required = this.requiredAuthorization;
            if (required != null && !required.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"error_code\":40101,\"message\":\"Unauthorized\"}");
                return;
            }
            String path = exchange.getRequestURI().getRawPath();
            Matcher versions = VERSIONS.matcher(path);
            Matcher ids = IDS.matcher(path);
            Matcher compatibility = COMPATIBILITY.matcher(path);
            if ("POST".equals(exchange.getRequestMethod()) && versions.matches()) {
                Schema schema = schemaOf(exchange);
                int id = register(decode(versions.group(1)), schema);
                respond(exchange, 200, "{\"id\":" + id + "}");
            }
            else if ("GET".equals(exchange.getRequestMethod()) && ids.matches()) {
                String schema = this.schemasById.get(Integer.parseInt(ids.group(1)));
                if (schema == null) {
                    respond(exchange, 404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
                }
                else {
                    respond(exchange, 200, JSON.createObjectNode().put("schema", schema).toString());
                }
            }
            else if ("POST".equals(exchange.getRequestMethod()) && compatibility.matches()) {
                List<Integer> known = this.versionsBySubject.get(decode(compatibility.group(1)));
                if (known == null || known.isEmpty()) {
                    respond(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject not found\"}");
                    return;
                }
                Schema latest = new Schema.Parser().parse(this.schemasById.get(known.get(known.size() - 1)));
                boolean compatible = SchemaCompatibility.checkReaderWriterCompatibility(schemaOf(exchange), latest)
                        .getType() == SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
                respond(exchange, 200, "{\"is_compatible\":" + compatible + "}");
            }
            else {
                respond(exchange, 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
            }
        }
    }

    private static Schema schemaOf(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        return new Schema.Parser().parse(body.path("schema").asText());
    }

    private static String decode(String subject) {
        return URLDecoder.decode(subject, StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
