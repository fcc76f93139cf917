package org.mandate.app.request.web;

import org.mandate.app.problem.Refusal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form field a refusal of a submission is about, so the message appears next to it. The domain's rules say
 * which value they refuse in their message (e.g. routing refuses an amount nobody may approve); a refusal that
 * names no field is shown at the top of the form.
 */
final class RefusedField {

    private static final Pattern NAMED = Pattern.compile("^the field '([a-z]+)'");
    private static final Set<String> FIELDS = Set.of("title", "category", "amount", "description");

    private RefusedField() {
    }

    static String of(Refusal refusal) {
        if (!refusal.invalidInput()) {
            return null;
        }
        // the rules' own words name the field, whatever the page's language
        String message = refusal.english().toLowerCase(Locale.ROOT);
        Matcher named = NAMED.matcher(message);
        if (named.find() && FIELDS.contains(named.group(1))) {
            return named.group(1); // the text rule names its field: its message may mention others in passing
        }
        if (message.contains("amount")) {
            return "amount";
        }
        if (message.contains("category")) {
            return "category";
        }
        if (message.contains("description")) {
            return "description";
        }
        if (message.contains("title")) {
            return "title";
        }
        return null;
    }
}
