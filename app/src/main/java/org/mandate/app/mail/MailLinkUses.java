package org.mandate.app.mail;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.VoteCast;

/**
 * Records that a decide-from-the-mail link was used, in the decision's own transaction (a subscribing processor,
 * application.yaml): the use and the decision commit together or not at all. A link whose use is recorded already
 * (a second click, on any node, even at the same moment) breaks the unique key, and the failing handler rolls the
 * second decision back (PropagatingErrorHandler); a decision that is refused records no use, so the link still works.
 */
@ProcessingGroup(MailLinkUses.NAME)
class MailLinkUses {

    static final String NAME = "mail-links";

    private final ActionLinks links;

    MailLinkUses(ActionLinks links) {
        this.links = links;
    }

    @EventHandler
    void on(StepDecided event, @MetaDataValue(MailActionPage.LINK) String linkId) {
        if (linkId != null) {
            links.recordUse(linkId, event.decidedBy().value(), event.outcome(), event.decidedAt());
        }
    }

    /** A vote cast from a mail link uses it up the same way: the link cannot cast (or change) a vote again. */
    @EventHandler
    void on(VoteCast event, @MetaDataValue(MailActionPage.LINK) String linkId) {
        if (linkId != null) {
            links.recordUse(linkId, event.votedBy().value(), event.outcome(), event.castAt());
        }
    }
}
