/** Approval paths as versions: each deployment of a process is recorded, so who changed a path, and when, is never lost. */
package org.mandate.domain.process;
