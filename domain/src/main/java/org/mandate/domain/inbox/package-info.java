/**
 * Each person's saved inbox filters: a name and the inbox query it stands for, kept as events on a small aggregate of
 * their own (one stream per person), so they follow the person from browser to browser and from page to API.
 */
package org.mandate.domain.inbox;
