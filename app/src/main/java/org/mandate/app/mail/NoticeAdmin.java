package org.mandate.app.mail;

import org.mandate.app.problem.AppRefusals;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the administrators' mail and chat APIs share: a list of notices filtered by status, and a failed notice sent
 * again, with the same refusals for both ({@code refusal.mail.*} and {@code refusal.chat.*} name what was missing).
 */
final class NoticeAdmin {

    private static final int MAX_LIMIT = 500;

    private NoticeAdmin() {
    }

    /** {@code status} as typed (any case; blank for all), {@code limit} from 1 to 500. */
    static <N extends NoticeTable.Stored> List<N> list(NoticeTable<N> notices, String status, int limit) {
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !NoticeTable.STATUSES.contains(wanted)) {
            throw AppRefusals.invalid("refusal.list.status", String.valueOf(NoticeTable.STATUSES), status);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw AppRefusals.invalid("refusal.list.limit", String.valueOf(MAX_LIMIT), String.valueOf(limit));
        }
        return notices.inStatus(wanted, limit);
    }

    /** The notice as it is once queued again; {@code channel} is {@code mail} or {@code chat}. */
    static <N extends NoticeTable.Stored> N retry(NoticeTable<N> notices, String channel, String id, Instant now) {
        N notice = id.length() > 36 ? null : notices.find(id);
        if (notice == null) {
            throw AppRefusals.notFound("refusal." + channel + ".none", String.valueOf(id));
        }
        if (!notices.retry(id, now)) {
            throw AppRefusals.conflict("refusal." + channel + ".notFailed", notice.status().toLowerCase(Locale.ROOT));
        }
        return notices.find(id);
    }
}
