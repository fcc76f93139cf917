package org.mandate.app.process;

import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.RuleViolation;
import org.mandate.processes.deployment.PathVersion;
import org.mandate.processes.deployment.ProcessCatalogue;
import org.mandate.processes.versions.Change;
import org.mandate.processes.versions.VersionComparison;
import org.mandate.projections.process.ProcessVersionRow;
import org.mandate.projections.process.ProcessVersionsProjection;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Versions as process owners see them: the engine's list, with who deployed each (from the event-sourced
 * projection) and how many requests still run on it (from the engine).
 */
@Component
class ProcessVersions {

    /** A version as listed; {@code deployedBy} is null for one shipped with the application. */
    record VersionView(String key, int version, String name, String deployedBy, Instant deployedAt, long running,
                       boolean latest) {
    }

    record PathSummary(String key, String name, int latestVersion, long running) {
    }

    record Comparison(String key, int from, int to, List<Change> changes) {
    }

    private static final Duration CATCH_UP = Duration.ofSeconds(3);

    private final ProcessCatalogue catalogue;
    private final ProcessVersionsProjection recorded;

    ProcessVersions(ProcessCatalogue catalogue, ProcessVersionsProjection recorded) {
        this.catalogue = catalogue;
        this.recorded = recorded;
    }

    List<PathSummary> paths() {
        return catalogue.latestOfEach().stream().map(latest -> new PathSummary(latest.key(), latest.name(),
                latest.version(), catalogue.versions(latest.key()).stream()
                .mapToLong(version -> catalogue.runningOn(version.engineDefinitionId())).sum())).toList();
    }

    /** Newest first. */
    List<VersionView> versionsOf(String key) {
        List<PathVersion> versions = catalogue.versions(key);
        if (versions.isEmpty()) {
            throw unknown(key);
        }
        int latest = versions.get(versions.size() - 1).version();
        List<PathVersion> newestFirst = new java.util.ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        return newestFirst.stream().map(version -> {
            ProcessVersionRow row = recorded.find(key, version.version()).orElse(null);
            return new VersionView(key, version.version(), version.name(), row == null ? null : row.deployedBy(),
                    row == null ? null : row.deployedAt(), catalogue.runningOn(version.engineDefinitionId()),
                    version.version() == latest);
        }).toList();
    }

    byte[] xml(String key, int version) {
        if (version < 1) {
            // the engine refuses a version below 1 with an exception of its own, which would answer 500
            throw catalogue.isDeployed(key)
                    ? AppRefusals.notFound("refusal.process.versionFromOne", key, String.valueOf(version))
                    : unknown(key);
        }
        return catalogue.xml(key, version).orElseThrow(() -> catalogue.isDeployed(key)
                ? AppRefusals.notFound("refusal.process.noVersion", key, String.valueOf(version))
                : unknown(key));
    }

    Comparison compare(String key, int from, int to) {
        return new Comparison(key, from, to, VersionComparison.compare(xml(key, from), xml(key, to)));
    }

    /** Read-your-writes after a deployment: the projection is tracking, so wait briefly for the new row. */
    void awaitRecorded(String key, int version) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (recorded.find(key, version).isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    boolean isDeployed(String key) {
        return catalogue.isDeployed(key);
    }

    static String checkedKey(String key) {
        if (key == null || !key.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
            throw AppRefusals.invalid("refusal.process.notAKey", key);
        }
        return key;
    }

    private static RuleViolation unknown(String key) {
        return AppRefusals.notFound("refusal.process.unknown", key);
    }
}
