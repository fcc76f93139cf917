package org.mandate.app.audit;

import org.apache.commons.lang3.StringUtils;
import org.mandate.processes.Words;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.delegation.MandateView;
import org.mandate.app.web.People;
import org.mandate.app.web.voice.Amounts;
import org.mandate.app.web.voice.Messages;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The trail in words an auditor reads, not the names the code uses: templates reach it as {@code @auditText}.
 * The stored trail and its exports keep the exact type names and ids; only the page words them.
 */
@Component("auditText")
public class AuditText {

    /** Camunda's definition ids are {@code key:version:id}. */
    private static final Pattern DEFINITION = Pattern.compile("([^:]+):(\\d+):.+");

    private final DelegationsRegister mandates;
    private final People people;
    private final Clock clock;
    /** A mandate's terms never change once granted (revocation ends it, it does not rewrite it). */
    private final Map<String, Optional<MandateView>> mandateTerms = new ConcurrentHashMap<>();

    private final Messages messages;

    AuditText(DelegationsRegister mandates, People people, Clock clock, Messages messages) {
        this.mandates = mandates;
        this.people = people;
        this.clock = clock;
        this.messages = messages;
    }

    /** "StepDecided" becomes "Step decided" (in the page's language); a comment reads "Commented", beside who did. */
    public String event(String typeName) {
        if (typeName == null || typeName.isBlank()) {
            return "";
        }
        return messages.orDefault("event." + typeName, StringUtils.capitalize(Words.of(typeName)));
    }

    /** "approval:3:5f1c…" becomes "approval, version 3"; anything else is shown as recorded. */
    public String path(String processVersion) {
        if (processVersion == null) {
            return "";
        }
        Matcher matcher = DEFINITION.matcher(processVersion);
        return matcher.matches() ? messages.text("audit.pathWords", matcher.group(1), matcher.group(2))
                : processVersion;
    }

    /** "from Vera Lind: equipment, supplies up to 1000 EUR", or the id if the register does not know it. */
    public String mandate(String mandateId) {
        if (mandateId == null || mandateId.isBlank()) {
            return "";
        }
        // only the terms are kept: names are looked up each time, so a renamed (or erased) person reads as they are now
        return mandateTerms.computeIfAbsent(mandateId, id -> mandates.view(id, clock.instant()))
                .map(mandate -> messages.text("audit.mandateWords", people.name(mandate.from()),
                        mandate.categories().contains("*") ? messages.text("audit.everyCategory")
                        : String.join(", ", new TreeSet<>(mandate.categories())),
                        Amounts.format(mandate.maxAmount(), mandate.currency(), Messages.locale())))
                .orElse(mandateId);
    }
}
