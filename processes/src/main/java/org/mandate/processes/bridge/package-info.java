/**
 * Events drive the engine, engine facts come back as commands. Runs as a subscribing processor, inside the
 * transaction of the command that caused the event, so an engine change and its event commit together.
 */
package org.mandate.processes.bridge;
