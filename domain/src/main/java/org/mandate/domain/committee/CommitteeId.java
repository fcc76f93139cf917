package org.mandate.domain.committee;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A committee's plain id, e.g. {@code budget-committee}: what paths will name it by. */
public record CommitteeId(String value) {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public CommitteeId {
        Objects.requireNonNull(value, "committee id");
    }

    public static CommitteeId of(String value) {
        return new CommitteeId(value);
    }

    /** The id a name suggests: lower case, words joined by dashes ("Budget committee" → budget-committee). */
    public static CommitteeId from(String name) {
        String slug = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        return new CommitteeId(slug.length() > 64 ? slug.substring(0, 64).replaceAll("-+$", "") : slug);
    }

    public boolean wellFormed() {
        return ID.matcher(value).matches();
    }

    /** Prefixed: the event store keys streams by id alone, and a committee may share a person's id. */
    public String streamId() {
        return "committee:" + value;
    }

    @Override
    public String toString() {
        return value;
    }
}
