/** A request as its participants see it: status, steps and every decision with its reason. */
package org.mandate.projections.request;
