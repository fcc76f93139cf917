package org.mandate.processes.validation;

/** One thing wrong with a BPMN file: the element it is about (null for the file as a whole) and what to do. */
public record BpmnProblem(String elementId, String message) {
}
