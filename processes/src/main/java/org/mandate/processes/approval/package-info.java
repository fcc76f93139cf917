/** The default approval path: the names its BPMN uses, and the assignment rule it calls. */
package org.mandate.processes.approval;
