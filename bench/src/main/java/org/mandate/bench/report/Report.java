package org.mandate.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One run's results: a markdown table and a JSON file, with the machine they ran on. */
public final class Report {

    public static final class Section {
        private final String database;
        private final List<Row> rows = new ArrayList<>();
        private final Map<String, Object> details = new LinkedHashMap<>();
        private String version;
        private String skipped;

        Section(String database) {
            this.database = database;
        }

        public void add(Row row) {
            rows.add(row);
            System.out.printf(Locale.ROOT, "  %-55s Mandate %10.2f %-9s %-22s %10.2f  ratio %6.2f%n", row.figure(),
                    row.mandate(), row.unit(), row.baseline(), row.baselineValue(), row.ratio());
        }

        public void detail(String key, Object value) {
            details.put(key, value);
        }

        public void version(String version) {
            this.version = version;
        }

        public void skipped(String why) {
            this.skipped = why;
        }

        public List<Row> rows() {
            return rows;
        }

        public String skippedBecause() {
            return skipped;
        }
    }

    private final String mode;
    private final Instant started = Instant.now();
    private final Object sizes;
    private final List<Section> sections = new ArrayList<>();

    public Report(String mode, Object sizes) {
        this.mode = mode;
        this.sizes = sizes;
    }

    public Section section(String database) {
        Section section = new Section(database);
        sections.add(section);
        return section;
    }

    public List<Section> sections() {
        return sections;
    }

    public static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpus", Runtime.getRuntime().availableProcessors());
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            machine.put("memoryGiB", Math.round(os.getTotalMemorySize() / (1024.0 * 1024 * 1024) * 10) / 10.0);
        }
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("maxHeapMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        return machine;
    }

    /** Writes {@code <timestamp>-<mode>.md} and {@code .json} under {@code dir}; returns the markdown file. */
    public Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(started);
        Path markdown = dir.resolve(stamp + "-" + mode + ".md");
        Files.writeString(markdown, markdown());
        new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .writeValue(dir.resolve(stamp + "-" + mode + ".json").toFile(), json());
        return markdown;
    }

    private Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mode", mode);
        json.put("started", started.toString());
        json.put("finished", Instant.now().toString());
        json.put("machine", machine());
        json.put("sizes", sizes);
        Map<String, Object> databases = new LinkedHashMap<>();
        for (Section section : sections) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("version", section.version);
            if (section.skipped != null) {
                entry.put("skipped", section.skipped);
            }
            entry.put("figures", section.rows);
            entry.put("details", section.details);
            databases.put(section.database, entry);
        }
        json.put("databases", databases);
        return json;
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        Map<String, Object> machine = machine();
        out.append("Mode `").append(mode).append("`, run ").append(started).append(" on ").append(machine.get("cpus"))
                .append(" CPUs, ").append(machine.get("memoryGiB")).append(" GiB, ").append(machine.get("jdk"))
                .append(", ").append(machine.get("os")).append(".\n");
        for (Section section : sections) {
            out.append("\n**").append(section.database).append("**");
            if (section.version != null) {
                out.append(" (").append(section.version).append(")");
            }
            out.append("\n\n");
            if (section.skipped != null) {
                out.append("Skipped: ").append(section.skipped).append("\n");
                continue;
            }
            out.append("| figure | Mandate | baseline | baseline value | ratio | target | met |\n");
            out.append("| --- | ---: | --- | ---: | ---: | --- | --- |\n");
            for (Row row : section.rows) {
                out.append(String.format(Locale.ROOT, "| %s | %s %s | %s | %s | %s× | %s | %s |%n", row.figure(),
                        number(row.mandate()), row.unit(), row.baseline(), number(row.baselineValue()),
                        row.ratio() >= 0.1 ? String.format(Locale.ROOT, "%.2f", row.ratio())
                                : String.format(Locale.ROOT, "%.3g", row.ratio()),
                        row.target() == null ? "" : row.target(),
                        row.met() == null ? "" : row.met() ? "yes" : "**no**"));
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
