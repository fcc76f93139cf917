/** Each person's open steps: what they hold, and later what they may decide on someone's behalf. */
package org.mandate.projections.inbox;
