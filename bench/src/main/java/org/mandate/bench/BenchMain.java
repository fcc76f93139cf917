package org.mandate.bench;

import org.mandate.app.MandateApplication;
import org.mandate.bench.db.Database;
import org.mandate.bench.report.Report;
import org.springframework.util.FileSystemUtils;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the benchmark: {@code --quick} (about 5½ minutes) or {@code --full}; {@code --db=h2,postgres} picks the
 * databases (both by default); {@code --out=DIR} where the markdown and JSON go (default bench/results).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        MandateApplication.noPhoneHome();
        // as the app's main does; it holds for the whole process, so plain Camunda's timers are spared the search too
        MandateApplication.jdkDatatypeFactory();
        Sizes sizes = Sizes.quick();
        List<Database.Kind> kinds = List.of(Database.Kind.H2, Database.Kind.POSTGRES);
        Path out = Files.isDirectory(Path.of("bench")) ? Path.of("bench", "results") : Path.of("results");
        boolean scaleOnly = false;
        boolean sealingCost = false;
        for (String arg : args) {
            if (arg.equals("--quick")) {
                sizes = Sizes.quick();
            } else if (arg.equals("--full")) {
                sizes = Sizes.full();
            } else if (arg.equals("--inbox")) {
                sizes = Sizes.inbox();
            } else if (arg.equals("--smoke")) {
                sizes = Sizes.smoke();
            } else if (arg.startsWith("--db=")) {
                kinds = new ArrayList<>();
                for (String kind : arg.substring(5).split(",")) {
                    kinds.add(kind.equalsIgnoreCase("h2") ? Database.Kind.H2 : Database.Kind.POSTGRES);
                }
            } else if (arg.equals("--scale-only")) {
                scaleOnly = true;
            } else if (arg.equals("--sealing-cost")) {
                sealingCost = true;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(arg.substring(6));
            } else {
                System.err.println("Unknown option " + arg + ". Use --quick, --full, --inbox (100k open steps, no "
                        + "closed ones), --db=h2,postgres, --scale-only (replay and inbox figures only), --sealing-cost (a second Mandate writing personal data in "
                        + "clear, in the throughput cells), --out=DIR.");
                System.exit(2);
            }
        }
        try {
            Report report = run(sizes, kinds, scaleOnly, sealingCost);
            Path written = report.write(out);
            System.out.println();
            System.out.println(report.markdown());
            System.out.println("Written to " + written + " and the .json beside it.");
            System.exit(0); // engine and Axon threads may linger; the results are written
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Runs every figure on each database kind; a PostgreSQL that cannot be reached is reported as skipped. */
    public static Report run(Sizes sizes, List<Database.Kind> kinds) throws Exception {
        return run(sizes, kinds, false);
    }

    /**
     * {@code scaleOnly}: only the figures that need the data at scale (replay and inbox queries), for the full mode,
     * whose throughput and latency cells alone take a quarter of an hour.
     */
    public static Report run(Sizes sizes, List<Database.Kind> kinds, boolean scaleOnly) throws Exception {
        return run(sizes, kinds, scaleOnly, false);
    }

    /** {@code sealingCost}: also a Mandate writing personal data in clear, measured beside the sealed one. */
    public static Report run(Sizes sizes, List<Database.Kind> kinds, boolean scaleOnly, boolean sealingCost)
            throws Exception {
        Report report = new Report(sizes.mode() + (scaleOnly ? "-scale" : "") + (sealingCost ? "-sealing" : ""),
                sizes);
        String stamp = Long.toString(Instant.now().getEpochSecond(), 36).toLowerCase(Locale.ROOT);
        for (Database.Kind kind : kinds) {
            Report.Section section = report.section(kind == Database.Kind.H2 ? "H2 (file)" : "PostgreSQL");
            System.out.println("== " + kind + " (" + sizes.mode() + ")");
            File dir = Files.createTempDirectory("mandate-bench-").toFile();
            List<Database> databases = new ArrayList<>();
            try {
                if (kind == Database.Kind.POSTGRES) {
                    String unavailable = Database.postgresUnavailable();
                    if (unavailable != null) {
                        System.out.println("Skipped: " + unavailable);
                        section.skipped(unavailable);
                        continue;
                    }
                    for (String system : List.of("mandate", "camunda_none", "camunda_full", "mandate_clear")) {
                        databases.add(Database.postgres("bench_" + system + "_" + stamp));
                    }
                } else {
                    for (String system : List.of("mandate", "camunda-none", "camunda-full", "mandate-clear")) {
                        databases.add(Database.h2(dir, system));
                    }
                }
                new BenchRun(sizes, section, scaleOnly).run(databases.get(0), databases.get(1), databases.get(2),
                        new File(dir, "mandate-data"), sealingCost ? databases.get(3) : null);
            } finally {
                databases.forEach(Database::drop);
                FileSystemUtils.deleteRecursively(dir);
            }
        }
        return report;
    }
}
