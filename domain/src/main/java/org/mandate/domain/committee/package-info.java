/** Committees: named groups of people who share an authority, like a person's, and later decide quorum steps. */
package org.mandate.domain.committee;
