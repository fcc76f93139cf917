package org.mandate.processes;

import org.apache.commons.lang3.StringUtils;

import java.util.Locale;

/** A code name in English words: a BPMN element kind, an event type or an event kind nobody has named yet. */
public final class Words {

    private Words() {
    }

    /** "businessRuleTask" and "StepReassigned" become "business rule task" and "step reassigned". */
    public static String of(String camelCase) {
        return String.join(" ", StringUtils.splitByCharacterTypeCamelCase(camelCase)).toLowerCase(Locale.ROOT);
    }
}
