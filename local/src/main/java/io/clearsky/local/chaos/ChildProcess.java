package io.clearsky.local.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM child process running one of this distribution's main classes on the same class path, its
 * output appended to a log file. It can be stopped (SIGTERM, a clean shutdown), killed (SIGKILL) and
 * started again with the same arguments.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final String name;

    private final List<String> command;

    private final Path log;

    private Process process;

    ChildProcess(String name, Class<?> mainClass, List<String> jvmOptions, List<String> arguments, Path log) {
        this.name = name;
        this.log = log;
        this.command = new ArrayList<>();
        this.command.add(ProcessHandle.current().info().command().orElse(System.getProperty("java.home") + "/bin/java"));
        this.command.addAll(jvmOptions);
        this.command.add("-cp");
        this.command.add(System.getProperty("java.class.path"));
        if (launchedFromBootJar()) {
            // Inside bin/clearsky's jar the classes are nested: let Boot's launcher load the main class.
            this.command.add("-Dloader.main=" + mainClass.getName());
            this.command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
        }
        else {
            this.command.add(mainClass.getName());
        }
        this.command.addAll(arguments);
    }

    String name() {
        return this.name;
    }

    Path log() {
        return this.log;
    }

    synchronized void start() {
        try {
            Files.createDirectories(this.log.getParent());
            Files.writeString(this.log, "=== start " + Instant.now() + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            this.process = new ProcessBuilder(this.command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile())).start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot start " + this.name, ex);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed. */
    synchronized void kill() {
        this.process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
    synchronized void stop() {
        if (this.process == null || !this.process.isAlive()) {
            return;
        }
        this.process.destroy();
        if (!awaitExit(STOP_GRACE)) {
            kill();
        }
    }

    synchronized boolean isAlive() {
        return this.process != null && this.process.isAlive();
    }

    /** Whether the log's lines since the last start contain {@code text}. */
    boolean logged(String text) {
        try {
            String content = Files.readString(this.log);
            return content.substring(content.lastIndexOf("=== start ")).contains(text);
        }
        catch (IOException ex) {
            return false;
        }
    }

    private boolean awaitExit(Duration timeout) {
        try {
            return this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static boolean launchedFromBootJar() {
        return ChildProcess.class.getClassLoader().getClass().getName().startsWith("org.springframework.boot.loader");
    }
}
