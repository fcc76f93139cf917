package org.mandate.app.web.voice;

import org.junit.jupiter.api.Test;
import org.mandate.processes.validation.ProblemCodes;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Every code the BPMN validator can give a problem has a sentence in English and German (see ProblemWords). */
class ProblemCodesBundlesTest {

    private static final Path MESSAGES = Path.of("src", "main", "resources", "messages");

    @Test
    void everyProblemCodeHasASentenceInEnglishAndGerman() throws IOException {
        assertThat(ProblemCodes.ALL).hasSizeGreaterThan(80);
        for (String file : List.of("admin.properties", "admin_de.properties")) {
            Properties bundle = load(file);
            assertThat(ProblemCodes.ALL).as("codes worded in %s", file)
                    .allSatisfy(code -> assertThat(bundle.getProperty("bpmn.problem." + code)).as(code).isNotBlank());
        }
    }

    @Test
    void noSentenceNamesACodeTheValidatorDoesNotGive() throws IOException {
        List<String> framing = List.of("label", "refused", "refusedTitle");
        assertThat(load("admin.properties").stringPropertyNames()).filteredOn(key -> key.startsWith("bpmn.problem."))
                .map(key -> key.substring("bpmn.problem.".length()))
                .allSatisfy(code -> assertThat(ProblemCodes.ALL.contains(code) || framing.contains(code))
                        .as("bpmn.problem.%s is a code ProblemCodes lists", code).isTrue());
    }

    @Test
    void everySentenceWithArgumentsIsAPatternMessageFormatReads() throws IOException {
        for (String file : List.of("admin.properties", "admin_de.properties")) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                if (key.startsWith("bpmn.problem.") && value.matches("(?s).*\\{\\d.*")) {
                    assertThatCode(() -> new MessageFormat(value, Locale.GERMAN).format(
                            new Object[] {1, "2", "3", "4"})).as("%s in %s", key, file).doesNotThrowAnyException();
                }
            }
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(MESSAGES.resolve(file)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
