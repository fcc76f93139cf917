package org.mandate.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/** Figures a reliability test measured, printed and appended to target/reliability/figures.txt for the README. */
final class FigureLog {

    private static final Path FILE = Path.of("target", "reliability", "figures.txt");

    private FigureLog() {
    }

    static synchronized void record(String name, Object figures) {
        String line = Instant.now() + " " + name + ": " + figures;
        System.out.println("[reliability] " + line);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
