package io.clearsky.core.lake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;

/**
 * Builds the demo data lake: a retailer with regions, categories, products, customers, employees, orders
 * and order lines, with keys and column comments. Deterministic and offline: nothing is downloaded.
 */
public final class DemoLake {

    /** Orders in the full demo lake; order lines come to about 2.5 per order. */
    public static final int DEFAULT_ORDERS = 100_000;

    private DemoLake() {
    }

    /** Builds the demo lake at the path given (e.g. an init container filling a shared volume). */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DemoLake <path/to/demo.duckdb>");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        System.out.println(createIfMissing(file, DEFAULT_ORDERS) ? "Built the demo lake at " + file
                : "The demo lake at " + file + " exists already");
    }

    /**
     * Creates the lake at {@code file} unless it exists. The file is written under a temporary name and
     * moved into place, so a crash never leaves a half-built lake behind.
     *
     * @return whether the lake was created
     */
    public static boolean createIfMissing(Path file, int orders) {
        if (Files.exists(file)) {
            return false;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".partial");
            Files.deleteIfExists(partial);
            try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + partial.toAbsolutePath())) {
                for (String sql : script(orders).split(";\\s*\\n")) {
                    if (!sql.isBlank()) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(sql);
                        }
                    }
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot create the demo lake at " + file, ex);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Cannot create the demo lake at " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static String script(int orders) throws IOException {
        try (InputStream in = DemoLake.class.getResourceAsStream("demo-lake.sql")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter((line) -> !line.startsWith("--")).collect(Collectors.joining("\n", "", "\n"))
                    .replace("${ORDERS}", Integer.toString(orders));
        }
    }
}
