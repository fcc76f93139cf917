package org.mandate.app.reliability;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded H2 database on a disk that fills up and is freed again: the app runs as its own process with its data
 * on a small file system of its own (tmpfs, mounted by the test; that needs root, as in CI), which the test fills.
 */
class DiskFullIntegrationTest {

    private static final int DISK_MB = 96;

    @Test
    void aFullDiskIsSaidAndTheAppRecoversWhenSpaceIsBack() throws Exception {
        Path work = AppProcess.workDir("disk-full");
        Path disk = Files.createDirectories(work.resolve("disk"));
        mount(disk);
        try (AppProcess app = new AppProcess(work, List.of("--mandate.data-dir=" + disk.resolve("data"),
                "--mandate.demo=true", "--mandate.demo-story=false",
                "--mandate.storage.warn-below=" + (DISK_MB / 2) + "MB"))) {
            // first without the guard: H2 itself meets the full disk
            app.start("--mandate.storage.refuse-below=0B");
            Http ana = Http.basic(app.port(), "ana");
            Http anonymous = Http.basic(app.port(), null);
            assertThat(submit(ana).status()).isEqualTo(201);

            // Without the guard, H2 meets the full disk itself: the write fails, H2 closes the database. Callers
            // hear 503 (never "wrong password", never "nothing was changed" about a commit that failed part-way),
            // and once space is back the app works again without a restart.
            Path filler = disk.resolve("filler");
            fill(filler, 0);
            // H2 may still have room inside its own file (free pages, a chunk not yet written out): a submission can
            // commit there, honestly 201. The disk is met once that room is used up, a few submissions later.
            Http.Reply refused = submit(ana);
            for (int more = 0; refused.status() == 201 && more < 200; more++) {
                refused = submit(ana);
            }
            assertThat(refused.status()).as("a submission on a full disk: " + refused).isEqualTo(503);
            assertThat(refused.isProblem()).isTrue();
            assertThat(refused.header("Retry-After")).isNotBlank();
            Http.Reply inbox = Http.basic(app.port(), "sofia").call("GET", "/api/inbox", null, null, Map.of());
            assertThat(inbox.status()).as("valid credentials are never 'wrong' on a full disk: " + inbox)
                    .isNotEqualTo(401);
            Files.delete(filler);
            try {
                Unavailability.awaitStatus(anonymous, "/actuator/health/readiness", 200, Duration.ofSeconds(30));
            } catch (AssertionError stuck) {
                throw new AssertionError(stuck.getMessage() + "; threads in " + app.threadDump(), stuck);
            }
            Http.Reply after = Unavailability.retry(() -> submit(ana));
            assertThat(after.status()).as("a submission once space is back: " + after).isEqualTo(201);
            // the views retry with a back-off after their failures: a moment of "not shown yet" (503), then shown
            String id = after.json().path("id").asText();
            assertThat(Unavailability.retry(() -> ana.send("GET", "/api/requests/" + id, null, null, Map.of())).status())
                    .isEqualTo(200);
            app.stop();

            // With the guard (as shipped; here refusing below 8 MB, the disk filled to 1 MB): changes are refused
            // with 507 before H2 has to fail, reads go on, readiness says the node cannot take changes, and all of
            // it ends when space is back.
            app.start("--mandate.storage.refuse-below=8MB");
            fill(filler, 1 << 20);
            Unavailability.awaitStatus(anonymous, "/actuator/health/readiness", 503, Duration.ofSeconds(15));
            Http.Reply full = submit(ana);
            assertThat(full.status()).as("a submission while the disk is full: " + full).isEqualTo(507);
            assertThat(full.json().path("detail").asText()).contains("disk").contains("Nothing was changed");
            assertThat(Http.basic(app.port(), "sofia").call("GET", "/api/inbox", null, null, Map.of()).status())
                    .as("reading goes on").isEqualTo(200);
            Files.delete(filler);
            Unavailability.awaitStatus(anonymous, "/actuator/health/readiness", 200, Duration.ofSeconds(30));
            assertThat(Unavailability.retry(() -> submit(ana)).status()).isEqualTo(201);
            app.stop();
        } finally {
            new ProcessBuilder("umount", "-l", disk.toString()).inheritIO().start().waitFor();
        }
    }

    private static Http.Reply submit(Http http) throws IOException {
        return http.send("POST", "/api/requests", Http.write(Map.of("title", "Disk " + UUID.randomUUID(),
                "category", "equipment", "amount", 100, "currency", "EUR")), "application/json", Map.of());
    }

    private static void mount(Path disk) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + DISK_MB + "m", "tmpfs",
                disk.toString()).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        if (mount.waitFor() != 0) {
            Assumptions.abort("A full disk is simulated on a small tmpfs, which needs root (mount -t tmpfs): run the "
                    + "tests as root, as CI does (" + output.strip() + ")");
        }
    }

    /** Writes the filler until no more than {@code leave} bytes are free (0: until the disk is full). */
    private static void fill(Path filler, long leave) throws IOException {
        byte[] block = new byte[64 << 10];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (filler.toFile().getUsableSpace() > leave + block.length || leave == 0) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // no space left: that is the point
        }
    }
}
