package io.clearsky.core.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Configuration that cannot be used: an object missing, unreadable, not JSON, or invalid. The message
 * is one line naming each object and why; it never contains credentials.
 */
public class ConfigException extends RuntimeException {

    private final List<ConfigProblem> problems;

    public ConfigException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    /** One problem with an object as a whole, e.g. it does not exist. */
    public static ConfigException of(String source, String message) {
        return new ConfigException(List.of(new ConfigProblem(source, "", message)));
    }

    public List<ConfigProblem> problems() {
        return this.problems;
    }
}
