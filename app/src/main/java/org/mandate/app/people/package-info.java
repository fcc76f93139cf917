/** The people API: recording a departure, so that work and authority move on and the record stays. */
package org.mandate.app.people;
