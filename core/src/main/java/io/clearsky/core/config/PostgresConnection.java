package io.clearsky.core.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL connection given in SQLAlchemy's URL form
 * ({@code postgresql+psycopg://user:password@host:5432/database?sslmode=require}). The password never
 * appears in {@link #toString()} or in parse errors.
 *
 * @param user the role to connect as
 * @param password the role's password; may be empty
 * @param host the server
 * @param port the server's port, 5432 when absent
 * @param database the database
 * @param parameters query parameters such as {@code sslmode}
 */
public record PostgresConnection(String user, String password, String host, int port, String database,
        Map<String, String> parameters) {

    private static final String FORM = "postgresql[+driver]://user:password@host:port/database";

    /**
     * Parses an SQLAlchemy URL.
     *
     * @throws IllegalArgumentException naming what is wrong, without repeating the value
     */
    public static PostgresConnection parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("is required, in the form " + FORM);
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        }
        catch (URISyntaxException ex) {
            throw new IllegalArgumentException("is not a URL of the form " + FORM);
        }
        String scheme = (uri.getScheme() != null) ? uri.getScheme() : "";
        if (!scheme.equals("postgresql") && !scheme.startsWith("postgresql+") && !scheme.equals("postgres")) {
            throw new IllegalArgumentException("must use the postgresql scheme, in the form " + FORM);
        }
        if (uri.getHost() == null || uri.getRawUserInfo() == null) {
            throw new IllegalArgumentException("must name a user and a host, in the form " + FORM);
        }
        String path = (uri.getPath() != null) ? uri.getPath().replaceFirst("^/", "") : "";
        if (path.isEmpty() || path.contains("/")) {
            throw new IllegalArgumentException("must name one database, in the form " + FORM);
        }
        String[] userInfo = uri.getRawUserInfo().split(":", 2);
        String password = (userInfo.length > 1) ? decode(userInfo[1]) : "";
        return new PostgresConnection(decode(userInfo[0]), password, uri.getHost(),
                (uri.getPort() > 0) ? uri.getPort() : 5432, path, parameters(uri.getRawQuery()));
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.put(decode(parts[0]), (parts.length > 1) ? decode(parts[1]) : "");
            }
        }
        return Map.copyOf(parameters);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Where this connects, for messages: {@code user@host:port/database}. */
    public String describe() {
        return this.user + "@" + this.host + ":" + this.port + "/" + this.database;
    }

    @Override
    public String toString() {
        return "PostgresConnection[" + describe() + "]";
    }
}
