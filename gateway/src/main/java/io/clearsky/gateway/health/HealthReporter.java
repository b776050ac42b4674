package io.clearsky.gateway.health;

import io.clearsky.core.config.Secrets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the component checks in parallel, each bounded by a timeout, and keeps each result for a short
 * while so that frequent probes and dashboards cost the dependencies nothing extra.
 */
public final class HealthReporter implements AutoCloseable {

    private final List<Cached> checks;

    private final Duration cacheFor;

    private final Duration timeout;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public HealthReporter(List<ComponentCheck> checks, Duration cacheFor, Duration timeout) {
        this.checks = checks.stream().map(Cached::new).toList();
        this.cacheFor = cacheFor;
        this.timeout = timeout;
    }

    /** The current report; blocks for at most the check timeout. */
    public HealthReport report() {
        List<Future<Taken>> pending = new ArrayList<>();
        for (Cached check : this.checks) {
            pending.add(this.executor.submit(check::get));
        }
        Map<String, HealthReport.Component> components = new LinkedHashMap<>();
        Instant oldest = Instant.now();
        for (int i = 0; i < this.checks.size(); i++) {
            ComponentCheck check = this.checks.get(i).check;
            Taken taken = await(pending.get(i), check);
            components.put(check.name(), new HealthReport.Component(taken.result().status(), check.essential(),
                    taken.latencyMs(), taken.result().message()));
            oldest = taken.at().isBefore(oldest) ? taken.at() : oldest;
        }
        return new HealthReport(overall(components), components, oldest);
    }

    private Taken await(Future<Taken> future, ComponentCheck check) {
        try {
            return future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            future.cancel(true);
            return new Taken(CheckResult.down("no answer within " + this.timeout.toMillis() + " ms"),
                    this.timeout.toMillis(), Instant.now());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return new Taken(CheckResult.down("interrupted"), 0, Instant.now());
        }
        catch (ExecutionException ex) {
            return new Taken(CheckResult.down(check.name() + " check failed"), 0, Instant.now());
        }
    }

    private static String overall(Map<String, HealthReport.Component> components) {
        boolean essentialDown = components.values().stream()
                .anyMatch((component) -> component.essential() && CheckResult.DOWN.equals(component.status()));
        boolean anyDown = components.values().stream()
                .anyMatch((component) -> CheckResult.DOWN.equals(component.status()));
        return essentialDown ? CheckResult.DOWN : anyDown ? HealthReport.DEGRADED : CheckResult.UP;
    }

    @Override
    public void close() {
        this.executor.shutdownNow();
    }

    private record Taken(CheckResult result, long latencyMs, Instant at) {
    }

    /** One check and its last result. */
    private final class Cached {

        private final ComponentCheck check;

        private final AtomicReference<Taken> last = new AtomicReference<>();

        Cached(ComponentCheck check) {
            this.check = check;
        }

        Taken get() {
            Taken previous = this.last.get();
            if (previous != null && previous.at().plus(HealthReporter.this.cacheFor).isAfter(Instant.now())) {
                return previous;
            }
            long start = System.nanoTime();
            CheckResult result;
            try {
                result = this.check.check();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                result = CheckResult.down("interrupted");
            }
            catch (Exception ex) {
                result = CheckResult.down((ex.getMessage() != null) ? Secrets.redactedFirstLine(ex.getMessage())
                        : ex.getClass().getSimpleName());
            }
            Taken taken = new Taken(result, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), Instant.now());
            this.last.set(taken);
            return taken;
        }
    }
}
