/** The managed list of request categories as a table, for the checks and the pages. */
package org.mandate.projections.category;
