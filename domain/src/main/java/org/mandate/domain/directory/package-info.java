/** The directory of people: who reports to whom, what roles they have, how much they may approve. */
package org.mandate.domain.directory;
