package io.clearsky.worker.execution;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a result as RFC 4180 CSV with a header row, once it turns out to be larger than the answer
 * shows. Values are written in the answer's text forms, so the file and the answer agree.
 */
final class CsvSpill implements AutoCloseable {

    private final Path path;

    private final BufferedWriter out;

    private CsvSpill(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    /** Starts a file in {@code directory} with the header and the rows already read. */
    static CsvSpill start(Path directory, List<String> header, List<List<Object>> rowsSoFar) throws IOException {
        Files.createDirectories(directory);
        Path path = Files.createTempFile(directory, "result-", ".csv.part");
        CsvSpill spill = new CsvSpill(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8));
        spill.write(header);
        for (List<Object> row : rowsSoFar) {
            spill.write(row);
        }
        return spill;
    }

    void write(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                this.out.write(',');
            }
            this.out.write(field(values.get(i)));
        }
        this.out.write("\r\n");
    }

    Path path() {
        return this.path;
    }

    @Override
    public void close() throws IOException {
        this.out.close();
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
