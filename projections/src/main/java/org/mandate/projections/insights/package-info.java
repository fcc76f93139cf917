/** Leadership insights: where decisions pile up, how fast they are taken and how widely they are shared. */
package org.mandate.projections.insights;
