package org.mandate.app.request;

import org.mandate.projections.inbox.InboxItem;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What the caller may decide now (see {@link InboxReader}). */
@RestController
class InboxController {

    private final InboxReader inbox;

    InboxController(InboxReader inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/api/inbox")
    List<InboxItem> inbox(Authentication user) {
        return inbox.of(user.getName());
    }
}
