/** Past decisions, searchable by words, category and amount, so a successor can learn how things were decided. */
package org.mandate.projections.knowledge;
