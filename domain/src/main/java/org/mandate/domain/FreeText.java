package org.mandate.domain;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Set;

/**
 * What free text may contain, for every command alike (API and pages send the same commands). Refused everywhere:
 * control characters (C0 and C1, NUL included), unpaired surrogates, and the bidirectional embeddings, overrides
 * and isolates (U+202A–U+202E, U+2066–U+2069), which make a stored text display in another order than it reads
 * (a name or reason could then show one thing to an approver and say another in the trail). Tab and line breaks
 * are allowed only in the multi-line fields.
 */
public final class FreeText {

    /**
     * A command whose text is not typed by a person but read from a deployed process definition (a step's name),
     * which the definition's own validation answers for; a multi-line task label is normal there.
     */
    public interface Unchecked {
    }

    /** Fields written in a text area: several lines are fine there. */
    public static final Set<String> MULTI_LINE = Set.of("description", "rationale", "note", "reason", "text",
            "question", "answer");

    /** Commands nest small records (ids, a mandate's scope); deeper than this is not a command's shape. */
    private static final int DEEPEST = 4;

    private FreeText() {
    }

    /** Checks every text in the command's fields, nested records and collections included. */
    public static void checkFields(Record command) {
        if (!(command instanceof Unchecked)) {
            check(command, null, 0);
        }
    }

    /** Checks one text; {@code field} names it in the refusal and decides whether line breaks are allowed. */
    public static void check(String field, String text) {
        if (text == null) {
            return;
        }
        boolean multiLine = MULTI_LINE.contains(field);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            Refusals.Phrase refused = refused(text, i, c, multiLine);
            if (refused != null) {
                throw Refusals.invalid(multiLine ? "domain.freeText.character" : "domain.freeText.characterOnOneLine",
                        field, refused, String.format("%04X", (int) c), i + 1);
            }
            if (Character.isHighSurrogate(c)) {
                i++; // the pair was checked whole
            }
        }
    }

    /** What the character at {@code i} is, in the refusal's words, or null if the text may hold it. */
    private static Refusals.Phrase refused(String text, int i, char c, boolean multiLine) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return multiLine ? null : Refusals.phrase("domain.freeText.tabOrLineBreak");
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return Refusals.phrase("domain.freeText.controlCharacter");
        }
        if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
            return Refusals.phrase("domain.freeText.bidirectionalOverride");
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null
                    : Refusals.phrase("domain.freeText.brokenCharacter");
        }
        if (Character.isLowSurrogate(c)) {
            return Refusals.phrase("domain.freeText.brokenCharacter");
        }
        return null;
    }

    private static void check(Object value, String field, int depth) {
        if (value instanceof String text) {
            check(field, text);
        } else if (value instanceof Collection<?> values) {
            values.forEach(each -> check(each, field, depth));
        } else if (value instanceof Record record && depth < DEEPEST) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            for (RecordComponent component : components) {
                Class<?> type = component.getType();
                if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type.isEnum()) {
                    continue;
                }
                try {
                    // a one-field record (an id) keeps its owner's name: a bad PersonId in 'to' is reported as 'to'
                    String name = depth == 0 || components.length > 1 ? component.getName() : field;
                    component.getAccessor().trySetAccessible();
                    check(component.getAccessor().invoke(record), name, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("a record's accessor is public", e);
                }
            }
        }
    }
}
