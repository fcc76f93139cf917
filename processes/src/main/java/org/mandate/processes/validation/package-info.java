/**
 * What a process owner's BPMN may contain. Every file is parsed with a hardened XML parser (no DOCTYPE, no
 * external entities) before anything else reads it, then walked element by element against an allowlist: the
 * features approval paths need are accepted, anything that could run code or reach out is refused with a sentence.
 */
package org.mandate.processes.validation;
