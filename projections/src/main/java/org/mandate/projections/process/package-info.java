/** The versions of each approval path: who deployed them and when. */
package org.mandate.projections.process;
