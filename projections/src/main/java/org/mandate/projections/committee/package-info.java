/** The committees and their members as the rules, the API and the admin console read them. */
package org.mandate.projections.committee;
