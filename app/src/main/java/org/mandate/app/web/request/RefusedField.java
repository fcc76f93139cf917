package org.mandate.app.web.request;

import org.mandate.app.web.Refusal;

import java.util.Locale;

/**
 * The form field a refusal of a submission is about, so the message appears next to it. The domain's rules say
 * which value they refuse in their message (e.g. routing refuses an amount nobody may approve); a refusal that
 * names no field is shown at the top of the form.
 */
final class RefusedField {

    private RefusedField() {
    }

    static String of(Refusal refusal) {
        if (!refusal.invalidInput()) {
            return null;
        }
        String message = refusal.message().toLowerCase(Locale.ROOT);
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
