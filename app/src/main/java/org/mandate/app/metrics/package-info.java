/** What Mandate reports on {@code /actuator/prometheus} beyond the JVM: business counters, engine state. */
package org.mandate.app.metrics;
