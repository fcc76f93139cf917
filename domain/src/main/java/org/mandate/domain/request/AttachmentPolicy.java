package org.mandate.domain.request;

import org.mandate.domain.Refusals;
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
                      Collection<StepHolding> steps, Map<String, String> attached, Map<String, String> names,
                      Mandates mandates, Directory directory, Instant now) {
        Person author = command.by() == null ? null : directory.find(command.by()).orElse(null);
        if (author == null || !author.active()) {
            throw Refusals.forbidden("request.attachmentPolicy.youAreNotAnActive");
        }
        if (!CommentPolicy.takesPart(author.id(), request, participants, steps, mandates, directory, now)) {
            throw Refusals.forbidden("request.attachmentPolicy.onlyThePeopleTakingPart");
        }
        if (command.hash() == null || !SHA_256.matcher(command.hash()).matches()) {
            throw Refusals.invalid("request.attachmentPolicy.anAttachmentIsNamedBy");
        }
        String name = baseName(command.fileName());
        if (name.isEmpty()) {
            throw Refusals.invalid("request.attachmentPolicy.theFileHasNoName");
        }
        if (name.length() > NAME_LENGTH) {
            throw Refusals.invalid("request.attachmentPolicy.theFileNameIsCharacters", name.length(), NAME_LENGTH);
        }
        if (command.mediaType() == null || command.mediaType().isBlank() || command.size() <= 0) {
            throw Refusals.invalid("request.attachmentPolicy.theFileIsEmptyChoose");
        }
        if (attached.containsKey(command.hash())) {
            throw Refusals.conflict("request.attachmentPolicy.thisFileIsAlreadyAttached", names.get(command.hash()));
        }
        if (command.supersedes() != null) {
            if (!attached.containsKey(command.supersedes())) {
                throw Refusals.notFound("request.attachmentPolicy.thisRequestHasNoAttachment", command.supersedes());
            }
            String newer = attached.get(command.supersedes());
            if (newer != null) {
                throw Refusals.conflict("request.attachmentPolicy.isAlreadySupersededBySupersede",
                        names.get(command.supersedes()), names.get(newer), newer);
            }
        }
        if (attached.size() >= MOST_ATTACHMENTS) {
            throw Refusals.conflict("request.attachmentPolicy.thisRequestHasAttachmentsThe", attached.size());
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
