package org.mandate.app.outage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import org.mandate.app.MandateSettings;
import org.mandate.app.PeriodicTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Free space where the embedded database keeps its file. H2 closes the database when a write fails on a full disk,
 * so Mandate warns before that (health LOW_SPACE, {@code mandate_storage_free_bytes}) and refuses new changes while
 * less than {@code mandate.storage.refuse-below} is left (507), rather than let a write fail half-way. On PostgreSQL
 * the database's disk is the database server's to watch, so nothing is watched here.
 */
@Component
public class StorageWatch {

    private static final Logger log = LoggerFactory.getLogger(StorageWatch.class);

    private final Path dataDir;
    private final long warnBelow;
    private final long refuseBelow;
    private final PeriodicTask timer;
    private volatile long free = Long.MAX_VALUE;

    StorageWatch(DatabaseProbe database, MeterRegistry meters,
                 MandateSettings mandate,
                 @Value("${mandate.storage.warn-below:1GB}") DataSize warnBelow,
                 @Value("${mandate.storage.refuse-below:64MB}") DataSize refuseBelow,
                 DatabaseSettings settings) {
        this.dataDir = mandate.dataDir().toAbsolutePath();
        this.warnBelow = warnBelow.toBytes();
        this.refuseBelow = refuseBelow.toBytes();
        boolean embedded = database.embedded();
        this.timer = embedded ? PeriodicTask.start("storage-watch", java.time.Duration.ZERO, settings.probeInterval(),
                this::look)
                : null;
        if (embedded) {
            Gauge.builder("mandate_storage_free_bytes", () -> free)
                    .description("Free space on the file system that holds the embedded database's file")
                    .register(meters);
        }
    }

    /** Whether the data directory is watched at all (the embedded database only). */
    public boolean watched() {
        return timer != null;
    }

    public long freeBytes() {
        return free;
    }

    public boolean low() {
        return free < warnBelow;
    }

    /** Too little left to take a change safely. */
    public boolean full() {
        return free < refuseBelow;
    }

    void look() {
        try {
            Path existing = dataDir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            long now = new File(String.valueOf(existing)).getUsableSpace();
            if (now < refuseBelow && free >= refuseBelow) {
                log.warn("Only {} bytes left for the database in {}: new changes are refused until space is freed",
                        now, dataDir);
            } else if (now >= refuseBelow && free < refuseBelow) {
                log.info("{} bytes free again in {}: changes are taken again", now, dataDir);
            }
            free = now;
        } catch (RuntimeException e) {
            log.warn("Could not read the free space of {}: {}", dataDir, e.toString());
        }
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.stop();
        }
    }
}
