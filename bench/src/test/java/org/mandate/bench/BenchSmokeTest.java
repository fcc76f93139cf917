package org.mandate.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.bench.db.Database;
import org.mandate.bench.report.Report;
import org.mandate.bench.report.Row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the benchmark at toy sizes on H2 and checks that every figure comes out, with a Mandate value, a baseline
 * value and a ratio. It asserts nothing about speed: that is what the benchmark's own runs are for.
 */
class BenchSmokeTest {

    @TempDir
    Path results;

    @Test
    void producesEveryFigureWithItsBaselineAndRatio() throws Exception {
        Report report = BenchMain.run(Sizes.smoke(), List.of(Database.Kind.H2));

        Report.Section h2 = report.sections().get(0);
        assertThat(h2.skippedBecause()).isNull();
        assertThat(h2.rows()).allSatisfy(row -> assertThat(row.complete()).as(row.toString()).isTrue());
        assertThat(h2.rows()).extracting(Row::figure).anySatisfy(f -> assertThat(f).startsWith("approvals/s, 1 client"))
                .anySatisfy(f -> assertThat(f).startsWith("approvals/s, 4 clients"))
                .anySatisfy(f -> assertThat(f).startsWith("approvals/s, 16 clients"))
                .anySatisfy(f -> assertThat(f).startsWith("commits per approval"))
                .anySatisfy(f -> assertThat(f).startsWith("SQL statements per approval"))
                .anySatisfy(f -> assertThat(f).startsWith("CPU ms per approval"))
                .anySatisfy(f -> assertThat(f).startsWith("commits/s"))
                .anySatisfy(f -> assertThat(f).startsWith("decision p50"))
                .anySatisfy(f -> assertThat(f).startsWith("decision p99"))
                .anySatisfy(f -> assertThat(f).startsWith("replay of"))
                .anySatisfy(f -> assertThat(f).startsWith("inbox query p50"))
                .anySatisfy(f -> assertThat(f).startsWith("inbox query p99"))
                .anySatisfy(f -> assertThat(f).startsWith("filtered inbox query p50"))
                .anySatisfy(f -> assertThat(f).startsWith("filtered inbox query p99"));
        assertThat(h2.rows()).filteredOn(row -> row.target() != null).hasSize(10).allSatisfy(row ->
                assertThat(row.met()).as(row.figure()).isNotNull());

        Path markdown = report.write(results);
        assertThat(Files.readString(markdown)).contains("| figure | Mandate |", "approvals/s, 16 clients");
        assertThat(results.resolve(markdown.getFileName().toString().replace(".md", ".json"))).exists();
    }
}
