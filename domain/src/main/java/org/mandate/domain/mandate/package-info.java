/** Standing mandates: one person lets another decide on their behalf, within a scope and a time window. */
package org.mandate.domain.mandate;
