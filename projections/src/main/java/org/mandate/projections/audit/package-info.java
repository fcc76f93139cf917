/** The audit trail: every event flattened into who, on whose behalf, under which mandate, what and why. */
package org.mandate.projections.audit;
