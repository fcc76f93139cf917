package org.mandate.domain.request;

import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.Mandates;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may attach a file to a request, and how an attachment relates to the others (docs/adr/0018-attachments.md).
 * <ul>
 *     <li>The people who may comment may attach: those taking part ({@link CommentPolicy#takesPart}). Auditors and
 *     managers read attachments but do not add them.</li>
 *     <li>Closed requests take attachments too, as they take comments: the invoice and the delivery note arrive after
 *     the approval, and belong next to it.</li>
 *     <li>A file is attached to a request once: the same bytes again are refused, naming the attachment that has
 *     them.</li>
 *     <li>Nothing is removed. A newer file may supersede one that is not yet superseded; both stay readable, and the
 *     replay tells which one an approver had in front of them.</li>
 *     <li>At most {@value #MOST_ATTACHMENTS} attachments per request, superseded ones included.</li>
 * </ul>
 */
final class AttachmentPolicy {

    static final int MOST_ATTACHMENTS = 50;
    static final int NAME_LENGTH = 255;
    private static final Pattern SHA_256 = Pattern.compile("[0-9a-f]{64}");

    private AttachmentPolicy() {
    }

    /**
     * @param attached the request's attachments so far, by hash, each with the hash that superseded it or null
     * @param names    the file name of each attachment, by hash
     */
    static void check(AttachToRequest command, RequestFacts request, Set<PersonId> participants,
                      Collection<Step> steps, Map<String, String> attached, Map<String, String> names,
                      Mandates mandates, Directory directory, Instant now) {
        Person author = command.by() == null ? null : directory.find(command.by()).orElse(null);
        if (author == null || !author.active()) {
            throw RuleViolation.forbidden("You are not an active member of the directory, so you cannot attach files.");
        }
        if (!CommentPolicy.takesPart(author.id(), request, participants, steps, mandates, directory, now)) {
            throw RuleViolation.forbidden("Only the people taking part in a request attach files to it: its "
                    + "requester, whoever holds, held, lent, borrowed or decided one of its steps, and whoever may "
                    + "decide an open step under a mandate from its holder. Send the file to one of them.");
        }
        if (command.hash() == null || !SHA_256.matcher(command.hash()).matches()) {
            throw RuleViolation.invalid("An attachment is named by the SHA-256 of its bytes, 64 lower-case hex digits.");
        }
        String name = baseName(command.fileName());
        if (name.isEmpty()) {
            throw RuleViolation.invalid("The file has no name. Give it one (e.g. quote.pdf) and upload it again.");
        }
        if (name.length() > NAME_LENGTH) {
            throw RuleViolation.invalid("The file name is " + name.length() + " characters "
                    + "long; rename the file to at most " + NAME_LENGTH + " characters and upload it again.");
        }
        if (command.mediaType() == null || command.mediaType().isBlank() || command.size() <= 0) {
            throw RuleViolation.invalid("The file is empty. Choose the file again; an attachment needs its bytes.");
        }
        if (attached.containsKey(command.hash())) {
            throw RuleViolation.conflict("This file is already attached to the request as '"
                    + names.get(command.hash()) + "'. Nothing was added; to replace a file, upload a different one "
                    + "that supersedes it.");
        }
        if (command.supersedes() != null) {
            if (!attached.containsKey(command.supersedes())) {
                throw RuleViolation.notFound("This request has no attachment " + command.supersedes()
                        + " to supersede. Open the request to see its attachments and their hashes.");
            }
            String newer = attached.get(command.supersedes());
            if (newer != null) {
                throw RuleViolation.conflict("'" + names.get(command.supersedes()) + "' is already superseded by '"
                        + names.get(newer) + "' (" + newer + "). Supersede that one instead.");
            }
        }
        if (attached.size() >= MOST_ATTACHMENTS) {
            throw RuleViolation.conflict("This request has " + attached.size() + " attachments, the most it may "
                    + "have. Put several pages in one file (a PDF), or comment with where to find the rest.");
        }
    }

    /** The name as shown: without the path some browsers send ("C:\fakepath\quote.pdf"), without outer spaces. */
    static String baseName(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.strip();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return name.substring(slash + 1).strip();
    }
}
