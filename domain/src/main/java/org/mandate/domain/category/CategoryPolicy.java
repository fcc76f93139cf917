package org.mandate.domain.category;

import org.mandate.domain.Refusals;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a category's key and name must look like, and how a typed key is spelled before it is looked up. */
public final class CategoryPolicy {

    public static final int MAX_NAME = 60;
    /** The same shape a request's category has once submitted (lower case), and a binding's. */
    private static final Pattern KEY = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N} _-]{1,64}");

    private CategoryPolicy() {
    }

    /** Requests store categories lower case and without surrounding spaces; every entry point looks them up so. */
    public static String normalise(String typed) {
        return typed == null ? null : typed.strip().toLowerCase(Locale.ROOT);
    }

    static void checkKey(String key) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw Refusals.invalid("category.categoryPolicy.cannotBeACategoryKey", key);
        }
    }

    static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME) {
            throw Refusals.invalid("category.categoryPolicy.aCategoryNeedsAName", MAX_NAME);
        }
        return stripped;
    }

    /** What a key seeded from earlier use is called until an admin renames it: 'field-trip' becomes 'Field-trip'. */
    static String nameFor(String key) {
        return key.substring(0, 1).toUpperCase(Locale.ROOT) + key.substring(1);
    }
}
