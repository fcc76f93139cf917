/** Read models built from events. Each can be rebuilt from event zero. */
package org.mandate.projections;
