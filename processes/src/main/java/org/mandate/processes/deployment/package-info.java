/**
 * Deploying a process owner's BPMN: validate, deploy to the engine and record the version as an event, all in one
 * transaction, so the engine never holds a version the event store does not know, and a refused file deploys nothing.
 */
package org.mandate.processes.deployment;
