package org.mandate.domain.request;

import org.mandate.domain.Refusals;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.Person;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.Role;
import org.mandate.domain.mandate.Mandates;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may comment on a request, what a comment may say, and whom it mentions (docs/adr/0014-comments.md).
 * <ul>
 *     <li>Only people taking part comment: the requester, whoever holds or held a step (a later approver from the
 *     moment a step reaches them), lent or borrowed one, decided one, and whoever may decide an open step now under
 *     a mandate from its holder. Auditors, administrators and the requester's managers read requests but do not
 *     comment on those they take no part in. A person who has left comments no more.</li>
 *     <li>Closed requests (approved, rejected, withdrawn) take comments too: what happened afterwards (paid,
 *     delivered, returned) belongs next to the decision, and the history shows every comment's time.</li>
 *     <li>The text is required and at most as long as a decision's rationale.</li>
 *     <li>{@code @name} mentions an active person of the directory who may read the request (taking part, above the
 *     requester in the management chain, auditor or administrator), at most {@value #MOST_MENTIONS} of them; any
 *     other {@code @word}, an e-mail address included, stays text.</li>
 * </ul>
 */
final class CommentPolicy {

    static final int TEXT_LENGTH = DecisionPolicy.RATIONALE_LENGTH;
    static final int MOST_MENTIONS = 20;

    /** {@code @name} at the start or after a character that is not part of a word (so not inside an address). */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}._@-])@([\\p{L}\\p{N}._-]+)");

    private CommentPolicy() {
    }

    /** Refuses the comment, or answers whom it mentions. */
    static List<PersonId> check(CommentOnRequest command, RequestFacts request, Set<PersonId> participants,
                                Collection<StepHolding> steps, Mandates mandates, Directory directory, Instant now) {
        Person author = command.by() == null ? null : directory.find(command.by()).orElse(null);
        if (author == null || !author.active()) {
            throw Refusals.forbidden("request.commentPolicy.youAreNotAnActive");
        }
        if (!takesPart(author.id(), request, participants, steps, mandates, directory, now)) {
            throw Refusals.forbidden(readsOnly(author) ? "request.commentPolicy.onlyThoseTakingPartReader"
                    : "request.commentPolicy.onlyThoseTakingPart");
        }
        if (command.commentId() == null || command.commentId().isBlank() || command.commentId().length() > 36) {
            throw Refusals.invalid("request.commentPolicy.aCommentNeedsAnId");
        }
        if (command.text() == null || command.text().isBlank()) {
            throw Refusals.invalid("request.commentPolicy.writeYourCommentTheText");
        }
        if (command.text().strip().length() > TEXT_LENGTH) {
            throw Refusals.invalid("request.commentPolicy.yourCommentIsCharactersLong",
                    command.text().strip().length(), TEXT_LENGTH);
        }
        return mentions(command.text(), author.id(), request, participants, steps, mandates, directory, now);
    }

    private static boolean readsOnly(Person author) {
        return author.has(Role.AUDITOR) || author.has(Role.ADMIN);
    }

    static boolean takesPart(PersonId person, RequestFacts request, Set<PersonId> participants,
                             Collection<StepHolding> steps, Mandates mandates, Directory directory, Instant now) {
        return participants.contains(person) || decidesUnderAMandate(person, request, steps, mandates, directory, now);
    }

    /** May decide an open step now under a mandate from its holder, by the rule the decision itself obeys. */
    private static boolean decidesUnderAMandate(PersonId person, RequestFacts request, Collection<StepHolding> steps,
                                                Mandates mandates, Directory directory, Instant now) {
        if (request.status() != RequestStatus.IN_REVIEW || person.equals(request.requester())) {
            return false;
        }
        AuthorityChainPolicy chains = new AuthorityChainPolicy(directory);
        return steps.stream().filter(step -> !step.decided() && step.delegate() == null)
                .flatMap(step -> mandates.usableAll(person, step.assignee(), request.category(), request.money(),
                        now).stream())
                .anyMatch(mandate -> chains.objectionToMandate(request.requester(), mandate, mandates).isEmpty());
    }

    private static List<PersonId> mentions(String text, PersonId author, RequestFacts request,
                                           Set<PersonId> participants, Collection<StepHolding> steps, Mandates mandates,
                                           Directory directory, Instant now) {
        List<PersonId> mentioned = new ArrayList<>();
        Matcher names = MENTION.matcher(text);
        while (names.find()) {
            String name = names.group(1).replaceAll("[._-]+$", ""); // "@vera." ends a sentence
            Person person = directory.find(PersonId.of(name))
                    .or(() -> directory.find(PersonId.of(name.toLowerCase(Locale.ROOT)))).orElse(null);
            if (person == null || !person.active() || person.id().equals(author) || mentioned.contains(person.id())
                    || !mayRead(person, request, participants, steps, mandates, directory, now)) {
                continue;
            }
            mentioned.add(person.id());
            if (mentioned.size() > MOST_MENTIONS) {
                throw Refusals.invalid("request.commentPolicy.yourCommentMentionsMoreThan", MOST_MENTIONS);
            }
        }
        return List.copyOf(mentioned);
    }

    private static boolean mayRead(Person person, RequestFacts request, Set<PersonId> participants,
                                   Collection<StepHolding> steps, Mandates mandates, Directory directory, Instant now) {
        return readsOnly(person)
                || takesPart(person.id(), request, participants, steps, mandates, directory, now)
                || directory.managementChainAbove(request.requester()).stream().map(Person::id)
                .anyMatch(person.id()::equals);
    }
}
