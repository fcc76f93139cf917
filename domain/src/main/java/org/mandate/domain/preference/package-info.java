/**
 * How a person wants Mandate to speak to them: the language of its pages and the time zone of the times it shows.
 * Kept as events on a small aggregate of their own (one stream per person), like saved inbox filters.
 */
package org.mandate.domain.preference;
