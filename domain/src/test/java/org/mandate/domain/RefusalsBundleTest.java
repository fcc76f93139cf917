package org.mandate.domain;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every refusal code the domain's sources name has its sentence in English and in German, with the same
 * arguments; every sentence reads through MessageFormat; and the English ones say exactly what they said before
 * they came from the bundle.
 */
class RefusalsBundleTest {

    private static final Path BUNDLES = Path.of("src", "main", "resources", "org", "mandate", "domain");
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final List<Path> USING_MODULES = List.of(Path.of("..", "projections", "src", "main", "java"),
            Path.of("..", "processes", "src", "main", "java"));
    private static final Pattern REFUSALS_CALL = Pattern.compile(
            "Refusals\\.(?:invalid|forbidden|notFound|conflict|phrase)\\(\\s*\"([a-z]+\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z]+\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void everyCodeTheSourcesNameIsInBothBundles() throws IOException {
        Set<String> english = load("refusals.properties").stringPropertyNames();
        Set<String> german = load("refusals_de.properties").stringPropertyNames();
        // a code's first part is its area (request, mandate, ...): any literal starting with an area is a code,
        // or the start of codes completed at run time when it ends in a dot ("request.status." + status)
        Set<String> areas = english.stream().map(key -> key.substring(0, key.indexOf('.'))).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        for (Path source : sources()) {
            Matcher literal = LITERAL.matcher(Files.readString(source));
            while (literal.find()) {
                String code = literal.group(1);
                if (!areas.contains(code.substring(0, code.indexOf('.')))) {
                    continue;
                }
                named.add(code);
                for (Set<String> bundle : List.of(english, german)) {
                    boolean found = code.endsWith(".") ? bundle.stream().anyMatch(key -> key.startsWith(code))
                            : bundle.contains(code);
                    if (!found) {
                        missing.add(source.getFileName() + ": " + code + (bundle == english ? " in English"
                                : " in German"));
                    }
                }
            }
        }
        for (String code : codesOfUsingModules()) {
            named.add(code);
            for (Set<String> bundle : List.of(english, german)) {
                if (!bundle.contains(code)) {
                    missing.add("projections or processes: " + code + (bundle == english ? " in English"
                            : " in German"));
                }
            }
        }
        assertThat(missing).as("codes without a sentence").isEmpty();
        assertThat(english).as("sentences no source names").allMatch(key -> named.contains(key)
                || named.stream().anyMatch(prefix -> prefix.endsWith(".") && key.startsWith(prefix)));
    }

    @Test
    void theGermanBundleHasTheSameCodesAndArgumentsAndNoEmptySentence() throws IOException {
        Properties english = load("refusals.properties");
        Properties german = load("refusals_de.properties");
        assertThat(new TreeSet<>(german.stringPropertyNames()))
                .containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
        for (String code : english.stringPropertyNames()) {
            assertThat(arguments(german.getProperty(code))).as("arguments of %s in German", code)
                    .isEqualTo(arguments(english.getProperty(code)));
            assertThat(german.getProperty(code)).as("German %s", code).isNotBlank();
        }
    }

    @Test
    void everySentenceReadsThroughMessageFormatWithItsStraightQuotesDoubled() throws IOException {
        // Refusals formats every sentence, with arguments or without: a lone ' would swallow text up to the next
        for (String file : List.of("refusals.properties", "refusals_de.properties")) {
            Properties bundle = load(file);
            for (String code : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(code);
                assertThat(pattern.replace("''", "")).as("%s in %s", code, file).doesNotContain("'");
                String text = new MessageFormat(pattern, Locale.ROOT).format(placeholders(arguments(pattern)));
                assertThat(text).as("%s in %s", code, file).doesNotContain("{", "''");
            }
        }
    }

    @Test
    void theEnglishSentencesAreTheOnesTheRulesWroteBefore() {
        assertThat(Refusals.invalid("request.submissionPolicy.theAmountIsLargerThan", "2000000000.00", "1000000000")
                .getMessage()).isEqualTo("The amount 2000000000.00 is larger than 1000000000, the most Mandate "
                + "accepts; check the figure.");
        assertThat(Refusals.conflict("category.categories.categoryWasRetiredAlreadyAdd", "trip").getMessage())
                .isEqualTo("Category 'trip' was retired already; add it again (POST /api/categories) to bring it "
                        + "back.");
        assertThat(Refusals.invalid("webhook.subscriptionPolicy.nameTheEventTypesTo").getMessage())
                .isEqualTo("Name the event types to receive (e.g. [\"StepDecided\"]) or [\"*\"] for all.");
        assertThat(Refusals.conflict("request.approvalRequest.thisRequestIsAlreadyAnd",
                Refusals.phrase("request.status.approved")).getMessage())
                .isEqualTo("This request is already approved and can no longer be withdrawn.");
        assertThat(Refusals.invalid("category.categoryList.unknownCategoryKnownAnAdmin", "tirp", "[trip]",
                Refusals.phrase("category.categoryList.didYouMean", "trip")).getMessage())
                .isEqualTo("Unknown category 'tirp'; known: [trip]. Did you mean 'trip'? An admin can add "
                        + "categories under Admin → Categories.");
    }

    @Test
    void aRefusalIsGivenInTheAskedLanguageAndInEnglishForAnyOther() {
        RuleViolation withdrawn = Refusals.conflict("request.approvalRequest.thisRequestIsAlreadyAnd",
                Refusals.phrase("request.status.approved"));
        assertThat(withdrawn.message(Locale.GERMANY))
                .isEqualTo("Dieser Antrag ist bereits genehmigt und kann nicht mehr zurückgezogen werden.");
        assertThat(withdrawn.code()).isEqualTo("request.approvalRequest.thisRequestIsAlreadyAnd");
        // a phrase fits its sentence in each language, spaces and commas included
        assertThat(Refusals.invalid("request.quorumRule.theQuorumRuleNamesName", "one from each of fin, it", "fin",
                Refusals.phrase("request.quorumRule.notACommitteeId")).message(Locale.GERMAN))
                .startsWith("Die Quorumregel ‘one from each of fin, it’ nennt ‘fin’, was keine Ausschuss-ID ist; ");
        assertThat(Refusals.invalid("request.quorumRule.theQuorumRuleNamesName", "one from each of it, it", "it",
                Refusals.phrase("request.quorumRule.twice")).getMessage())
                .startsWith("The quorum rule 'one from each of it, it' names 'it' twice; ");
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY); // never the server's own language
            assertThat(withdrawn.message(Locale.FRENCH)).isEqualTo(withdrawn.getMessage());
            assertThat(withdrawn.message(Locale.ENGLISH)).isEqualTo(withdrawn.getMessage());
        } finally {
            Locale.setDefault(before);
        }
        // arguments keep the English text concatenation gave them, in every language
        assertThat(Refusals.invalid("request.submissionPolicy.theAmountHasMoreThan", 
                new BigDecimal("1234.567")).message(Locale.GERMAN))
                .isEqualTo("Der Betrag 1234.567 hat mehr als zwei Nachkommastellen.");
        // a refusal made with a sentence reads as written
        assertThat(RuleViolation.invalid("As 'written'.").message(Locale.GERMAN)).isEqualTo("As 'written'.");
    }

    @Test
    void theDomainRefusesOnlyByCode() throws IOException {
        // a sentence as written would reach a German-speaking person in English
        Pattern asWritten = Pattern.compile(
                "RuleViolation\\.(invalid|forbidden|notFound|conflict)\\(|new RuleViolation\\(");
        List<String> found = new ArrayList<>();
        for (Path source : sources()) {
            if (source.endsWith("RuleViolation.java") || source.endsWith("Refusals.java")) {
                continue;
            }
            Matcher call = asWritten.matcher(Files.readString(source));
            while (call.find()) {
                found.add(source.getFileName() + ": " + call.group());
            }
        }
        assertThat(found).isEmpty();
    }

    private static Object[] placeholders(Set<Integer> indexes) {
        int size = indexes.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        Object[] all = new Object[size];
        for (int i = 0; i < size; i++) {
            all[i] = "<" + i + ">";
        }
        return all;
    }

    private static Set<Integer> arguments(String pattern) {
        Set<Integer> found = new TreeSet<>();
        Matcher matcher = ARGUMENT.matcher(pattern == null ? "" : pattern);
        while (matcher.find()) {
            found.add(Integer.parseInt(matcher.group(1)));
        }
        return found;
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(path -> path.toString().endsWith(".java")).toList();
        }
    }

    /**
     * The codes the modules that refuse with the domain's codes (projections, processes) name: only the first
     * argument of a {@code Refusals} call, since their other literals have codes of their own (BPMN problems).
     */
    private static Set<String> codesOfUsingModules() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (Path module : USING_MODULES) {
            try (Stream<Path> files = Files.walk(module)) {
                for (Path source : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                    Matcher call = REFUSALS_CALL.matcher(Files.readString(source));
                    while (call.find()) {
                        codes.add(call.group(1));
                    }
                }
            }
        }
        return codes;
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(Files.newInputStream(BUNDLES.resolve(file)),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
