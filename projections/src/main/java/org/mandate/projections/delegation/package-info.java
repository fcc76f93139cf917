/** The delegations register: standing mandates as the rules and the people read them. */
package org.mandate.projections.delegation;
