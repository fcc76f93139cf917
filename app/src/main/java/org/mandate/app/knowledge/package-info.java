/** Past decisions, searchable by everyone: auditors and administrators see all, staff those made in their area. */
package org.mandate.app.knowledge;
