package org.mandate.app.web.voice;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a page shows exists in English and in German, and every key a template names exists at all. */
class BundlesTest {

    private static final Path MESSAGES = Path.of("src", "main", "resources", "messages");
    private static final Path TEMPLATES = Path.of("src", "main", "resources", "templates");
    private static final List<String> BASENAMES = List.of("pages", "admin", "mail", "console");
    /** #{key}, #{key(args)} and #messages.msg('key' ...) in a template. */
    private static final Pattern KEY = Pattern.compile("#\\{([\\w.-]+)|#messages\\.msg(?:WithParams)?\\('([\\w.-]+)'");

    @Test
    void theEnglishAndGermanBundlesHaveTheSameKeys() throws IOException {
        for (String basename : BASENAMES) {
            Set<String> english = load(basename + ".properties").stringPropertyNames();
            Set<String> german = load(basename + "_de.properties").stringPropertyNames();
            assertThat(new TreeSet<>(german)).as("keys of %s_de.properties", basename)
                    .containsExactlyElementsOf(new TreeSet<>(english));
        }
    }

    @Test
    void everyKeyATemplateNamesIsInTheBundles() throws IOException {
        Set<String> known = knownKeys();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            for (Path template : templates.filter(Files::isRegularFile).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    if (!isKnown(known, key)) {
                        missing.add(TEMPLATES.relativize(template) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheJavaCodeNamesIsInTheBundles() throws IOException {
        // Messages.of("key", ...), messages.text("key", ...), voice.text("key", ...), AppRefusals.notFound("key", ...),
        // Refused.of(status, "key", ...): a literal key; a key ending in a dot is completed at run time
        Pattern named = Pattern.compile("(?:Messages\\.of|Messages\\.english|messages\\.text|messages\\.orDefault"
                + "|voice\\.text|AppRefusals\\.\\w+|Refused\\.of\\(\\s*HttpStatus\\.\\w+,)\\(?\\s*\"([\\w.-]+)\"[,)]");
        assertThat(keysMissingFromTheJavaSources(named)).isEmpty();
    }

    @Test
    void everyRefusalKeyTheJavaCodeNamesIsInTheBundles() throws IOException {
        // refusals are often worded through a helper (InboxQuery.refused(..., "refusal.inbox.range", ...)): any
        // literal that starts like a refusal's key must be one
        Pattern literal = Pattern.compile("\"((?:refusal|attachment\\.refused|mailact\\.refused)\\.[\\w.-]+)\"");
        assertThat(keysMissingFromTheJavaSources(literal)).isEmpty();
    }

    @Test
    void noKeyIsTakenForAFieldErrorOfTheForms() throws IOException {
        // a refused field is looked up as "<code>.<field>" first: a key "refused.title" would replace every refusal
        // shown by a title field with its own text
        List<String> codes = List.of("refused.", "required.", "pattern.", "length.", "order.", "day.", "typeMismatch.");
        for (String basename : BASENAMES) {
            assertThat(load(basename + ".properties").stringPropertyNames())
                    .noneMatch(key -> codes.stream().anyMatch(key::startsWith));
        }
    }

    @Test
    void noGermanValueIsLeftEmptyOrCopiedWithAnArgumentMissing() throws IOException {
        Pattern argument = Pattern.compile("\\{(\\d)");
        for (String basename : BASENAMES) {
            Properties english = load(basename + ".properties");
            Properties german = load(basename + "_de.properties");
            for (String key : english.stringPropertyNames()) {
                Set<String> wanted = arguments(argument, english.getProperty(key));
                assertThat(arguments(argument, german.getProperty(key))).as("arguments of %s in German", key)
                        .isEqualTo(wanted);
                if (!english.getProperty(key).isBlank()) {
                    assertThat(german.getProperty(key)).as("German %s", key).isNotBlank();
                }
            }
        }
    }

    @Test
    void aQuoteIsDoubledExactlyWhereMessageFormatReadsTheSentence() throws IOException {
        // MessageFormat drops a lone ' and everything up to the next one
        for (String basename : BASENAMES) {
            for (String file : List.of(basename + ".properties", basename + "_de.properties")) {
                Properties bundle = load(file);
                for (String key : bundle.stringPropertyNames()) {
                    String value = bundle.getProperty(key);
                    if (value.matches("(?s).*\\{\\d.*")) {
                        assertThat(value.replace("''", "")).as("%s in %s", key, file).doesNotContain("'");
                    } else {
                        // without arguments the text is shown as written: a doubled quote would show doubled
                        assertThat(value).as("%s in %s", key, file).doesNotContain("''");
                    }
                }
            }
        }
    }

    private static Set<String> arguments(Pattern argument, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = argument.matcher(text == null ? "" : text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** The keys of the English bundles (the German ones have the same keys, as a test here checks). */
    private static Set<String> knownKeys() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String basename : BASENAMES) {
            known.addAll(load(basename + ".properties").stringPropertyNames());
        }
        return known;
    }

    /** A key ending in a dot is the start of keys completed at run time, e.g. 'status.' + status. */
    private static boolean isKnown(Set<String> known, String key) {
        return key.endsWith(".") ? known.stream().anyMatch(k -> k.startsWith(key)) : known.contains(key);
    }

    /** The keys (group 1 of {@code key}) that the Java sources name and no bundle has, each with its file. */
    private static Set<String> keysMissingFromTheJavaSources(Pattern key) throws IOException {
        Set<String> known = knownKeys();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = key.matcher(Files.readString(source));
                while (matcher.find()) {
                    if (!isKnown(known, matcher.group(1))) {
                        missing.add(source.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        return missing;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(MESSAGES.resolve(file)), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
