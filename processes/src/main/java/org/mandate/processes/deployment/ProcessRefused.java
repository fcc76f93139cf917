package org.mandate.processes.deployment;

import org.mandate.processes.validation.BpmnProblem;

import java.util.List;

/** A file was not deployed; nothing of it reached the engine or the event store. Carries every problem found. */
public class ProcessRefused extends RuntimeException {

    private final List<BpmnProblem> problems;

    public ProcessRefused(List<BpmnProblem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<BpmnProblem> problems() {
        return problems;
    }

    private static String summary(List<BpmnProblem> problems) {
        return "The process was not deployed: " + (problems.size() == 1 ? "1 problem" : problems.size() + " problems")
                + " to fix first. " + problems.get(0).message();
    }
}
