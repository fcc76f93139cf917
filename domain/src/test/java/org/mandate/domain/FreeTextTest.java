package org.mandate.domain;

import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.Scope;

import java.math.BigDecimal;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FreeTextTest {

    record Command(String title, String description, PersonId to, Scope scope, BigDecimal amount) {
    }

    @Test
    void ordinaryTextOfAnyScriptPassesAndLineBreaksOnlyInMultiLineFields() {
        assertThatCode(() -> FreeText.checkFields(new Command("Microscopes für Raum 3 – 日本語 \uD83D\uDD2C",
                "First line\r\nsecond\tline", PersonId.of("sofia"), new Scope(Set.of("equipment"), BigDecimal.TEN,
                "EUR"), BigDecimal.ONE))).doesNotThrowAnyException();
        assertThat(refusal("title", "two\nlines")).contains("'title'", "line break");
    }

    @Test
    void refusesControlCharactersNamingTheFieldAndTheCharacter() {
        assertThat(refusal("title", "a\u0000b")).contains("'title'", "control character", "U+0000", "position 2");
        assertThat(refusal("description", "bell\u0007")).contains("'description'", "U+0007");
        assertThat(refusal("reason", "c1\u0085")).contains("control character");
    }

    @Test
    void refusesBidirectionalOverridesAndIsolates() {
        for (char c : new char[]{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
                '\u2069'}) {
            assertThat(refusal("rationale", "ok " + c + "evil")).contains("bidirectional");
        }
    }

    @Test
    void refusesUnpairedSurrogates() {
        assertThat(refusal("title", "x\uD800")).contains("broken character");
        assertThat(refusal("title", "\uDC00x")).contains("broken character");
        assertThat(refusal("title", "\uD800x")).contains("broken character");
    }

    @Test
    void looksIntoNestedIdsAndScopesAndNamesTheField() {
        assertThatThrownBy(() -> FreeText.checkFields(new Command("ok", null, PersonId.of("so\u202Efia"), null,
                null))).isInstanceOf(RuleViolation.class).hasMessageContaining("'to'");
        assertThatThrownBy(() -> FreeText.checkFields(new Command("ok", null, null,
                new Scope(Set.of("equip\u0000ment"), BigDecimal.TEN, "EUR"), null)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("'categories'");
    }

    private static String refusal(String field, String text) {
        try {
            FreeText.check(field, text);
        } catch (RuleViolation refused) {
            assertThat(refused.kind()).isEqualTo(RuleViolation.Kind.INVALID);
            return refused.getMessage();
        }
        throw new AssertionError("'" + text + "' in " + field + " was accepted");
    }
}
