package org.mandate.app.mail;

import java.util.Arrays;

/**
 * The last decision on a request, remembered until the request ends and then told to its requester in their
 * language, and to the chat channel in English. So it is kept as what was decided and by whom (its kind and the
 * words to fill in, apart by a unit separator) rather than as one finished sentence. A text kept otherwise (a row
 * from before, or one the shredder overwrote) is told as it is.
 */
final class Decisions {

    static final String QUORUM_MET = "QUORUM_MET";
    static final String QUORUM_FAILED = "QUORUM_FAILED";

    private static final String APART = "\u001f";

    private Decisions() {
    }

    /**
     * {@code kind} APPROVED or REJECTED with the decider, whom they decided for ("" if themselves) and their
     * rationale ("" if none); QUORUM_MET with the rule and the approvers; QUORUM_FAILED with the reason. Typed words
     * go last, so a decision cut to the column's length loses only their end.
     */
    static String stored(String kind, String... words) {
        return kind + APART + String.join(APART, Arrays.stream(words).map(word -> word.replace(APART, " ")).toList());
    }

    static String text(String stored, MailVoice.Voice voice) {
        if (!stored.contains(APART)) {
            return stored;
        }
        String[] parts = stored.split(APART, -1);
        return switch (parts[0]) {
            case QUORUM_MET -> voice.text("mail.decision.quorumMet", parts[1], parts[2]);
            case QUORUM_FAILED -> voice.text("mail.decision.quorumFailed", parts[1]);
            default -> voice.text("mail.decision." + parts[0], parts[2].isEmpty() ? parts[1]
                    : voice.text("mail.decision.for", parts[1], parts[2]), voice.said(parts[3]));
        };
    }
}
