package org.mandate.app.process;

import org.mandate.app.web.voice.Messages;
import org.mandate.processes.Words;
import org.mandate.processes.deployment.ProcessRefused;
import org.mandate.processes.validation.BpmnProblem;
import org.springframework.context.NoSuchMessageException;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The modeler's problems in the caller's language, from each problem's facts ({@code bpmn.problem.<code>} in the
 * admin bundles, the element kind from {@code bpmn.type.*}). English is the validator's own sentence, unchanged for
 * API clients; a code the bundles do not know yet falls back to it too, never to a missing key.
 */
@Component
class ProblemWords {

    private final Messages messages;

    ProblemWords(Messages messages) {
        this.messages = messages;
    }

    /** The same problems with their {@code message} in the caller's language. */
    List<BpmnProblem> worded(List<BpmnProblem> problems) {
        return problems.stream().map(problem -> new BpmnProblem(problem.elementId(), sentence(problem),
                problem.code(), problem.type(), problem.name(), problem.args(), problem.because())).toList();
    }

    String sentence(BpmnProblem problem) {
        if (inEnglish()) {
            return problem.message();
        }
        try {
            List<Object> args = new ArrayList<>(problem.args());
            if (problem.because() != null) {
                // the nested reason is worded first and is the sentence's last argument
                args.add(messages.text("bpmn.problem." + problem.because().code(),
                        problem.because().args().toArray()));
            }
            String reason = messages.text("bpmn.problem." + problem.code(), args.toArray());
            if (problem.type() == null) {
                return reason;
            }
            String kind = messages.orDefault("bpmn.type." + problem.type(), Words.of(problem.type()));
            return messages.text("bpmn.problem.label", kind, problem.name(), reason);
        } catch (NoSuchMessageException notWordedYet) {
            return problem.message();
        }
    }

    /** The refusal's detail: how many problems, and the first, in the caller's language. */
    String refusal(ProcessRefused refused) {
        if (inEnglish()) {
            return refused.getMessage();
        }
        return messages.text("bpmn.problem.refused", refused.problems().size(),
                sentence(refused.problems().get(0)));
    }

    String refusalTitle() {
        return inEnglish() ? "Process not deployed" : messages.text("bpmn.problem.refusedTitle");
    }

    private static boolean inEnglish() {
        return Locale.ENGLISH.getLanguage().equals(Messages.locale().getLanguage());
    }

}
