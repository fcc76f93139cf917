/** Approval paths as BPMN and the bridge that keeps the engine and the event store in step. */
package org.mandate.processes;
