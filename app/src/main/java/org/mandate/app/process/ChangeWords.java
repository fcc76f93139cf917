package org.mandate.app.process;

import org.mandate.app.web.voice.Messages;
import org.mandate.processes.Words;
import org.mandate.processes.versions.Change;
import org.springframework.stereotype.Component;

import java.util.stream.Collectors;

/**
 * A change between two versions of an approval path in the page's language, from the change's facts (the API keeps
 * the English {@link Change#description()}). A BPMN element kind or property the bundles do not name yet is shown in
 * English words ({@code businessRuleTask} → "business rule task"), never as a missing key.
 */
@Component("changeWords")
public class ChangeWords {

    private final Messages messages;

    ChangeWords(Messages messages) {
        this.messages = messages;
    }

    public String sentence(Change change) {
        String kind = messages.orDefault("bpmn.type." + change.type(), Words.of(change.type()));
        return switch (change.kind()) {
            case ADDED -> messages.text("proc.change.ADDED", kind, change.name());
            case REMOVED -> messages.text("proc.change.REMOVED", kind, change.name());
            case CHANGED -> messages.text("proc.change.CHANGED", kind, change.name(), change.differences().stream()
                    .map(this::difference).collect(Collectors.joining(messages.text("proc.change.separator"))));
        };
    }

    private String difference(Change.Difference difference) {
        if (difference.property().equals("name") && difference.before() != null && difference.after() != null) {
            return messages.text("proc.change.renamed", difference.before(), difference.after());
        }
        String property = messages.orDefault("bpmn.property." + difference.property(), difference.property());
        if (difference.before() == null) {
            return messages.text("proc.change.set", property, difference.after());
        }
        if (difference.after() == null) {
            return messages.text("proc.change.unset", property, difference.before());
        }
        return messages.text("proc.change.changed", property, difference.before(), difference.after());
    }

}
