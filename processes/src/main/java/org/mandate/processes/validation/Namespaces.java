package org.mandate.processes.validation;

import java.util.Set;

/** The XML namespaces a BPMN file may use, and what each is allowed to do. */
final class Namespaces {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    /** Camunda 7 still executes the old Activiti namespace as if it were its own, so it gets the same rules. */
    static final String ACTIVITI = "http://activiti.org/bpmn";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    /** Diagram layout: drawn by the modeler, never executed. */
    static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");

    private Namespaces() {
    }

    static boolean isEngineExtension(String namespace) {
        return CAMUNDA.equals(namespace) || ACTIVITI.equals(namespace);
    }
}
