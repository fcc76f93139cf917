package org.mandate.app.mail;

import org.axonframework.eventhandling.EventMessage;
import org.mandate.app.web.People;
import org.mandate.domain.Money;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.notification.NoticeKind;
import org.mandate.domain.request.AuthorityChainPolicy;
import org.mandate.projections.delegation.DelegationsRegister;

import java.time.Instant;
import java.util.List;

/**
 * Whoever may decide a step (or cast a committee voter's vote) for someone under a standing mandate that covers it
 * hears of it too, with the same rule the inbox and the request page use to offer it to them.
 */
class MandateHolders {

    private final MailNotices notices;
    private final NoticeQueue queue;
    private final People people;
    private final DelegationsRegister mandates;
    private final AuthorityChainPolicy chains;
    private final MailVoice voices;

    MandateHolders(MailNotices notices, NoticeQueue queue, People people, DelegationsRegister mandates,
                   Directory directory, MailVoice voices) {
        this.notices = notices;
        this.queue = queue;
        this.people = people;
        this.mandates = mandates;
        this.chains = new AuthorityChainPolicy(directory);
        this.voices = voices;
    }

    /** {@code holder} holds the step, or sits on the committee vote {@code stepId}, from {@code at}. */
    void offer(EventMessage<?> message, String requestId, String stepId, String holder, Instant dueAt, Instant at) {
        MailNotices.RequestFacts request = notices.request(requestId);
        if (request == null) {
            return;
        }
        List<MandateTerms> carrying = mandates.carrying(PersonId.of(holder));
        if (carrying.isEmpty()) {
            return;
        }
        boolean vote = notices.step(stepId) == null; // a committee vote has seats, not a holder
        for (MandateTerms mandate : carrying) {
            String recipient = mandate.holder().value();
            if (!recipient.equals(request.requester())
                    && mandate.covers(request.category(), Money.of(request.amount(), request.currency()))
                    && mandates.effectiveAt(mandate, at)
                    && chains.objectionToMandate(PersonId.of(request.requester()), mandate, mandates).isEmpty()) {
                MailVoice.Voice voice = voices.of(recipient);
                queue.offer(new MailNotices.Queued(message.getIdentifier(), recipient, holder,
                        NoticeKind.STEP_ARRIVED, requestId, stepId, voice.text("mail.forHolder.headline",
                        people.name(holder), voice.about(request.title(), people.name(request.requester()))),
                        voice.text(vote ? "mail.forHolder.vote" : "mail.forHolder.step", people.name(holder),
                                people.name(mandate.grantor().value())), dueAt), at);
            }
        }
    }
}
