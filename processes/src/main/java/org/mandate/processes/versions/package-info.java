/** What changed between two versions of an approval path, in sentences a process owner reads. */
package org.mandate.processes.versions;
