package org.mandate.app.request;

import org.mandate.projections.inbox.InboxItem;
import org.mandate.projections.inbox.InboxProjection;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
class InboxController {

    private final InboxProjection inbox;

    InboxController(InboxProjection inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/inbox")
    List<InboxItem> inbox(Authentication user) {
        return inbox.inboxOf(user.getName());
    }
}
