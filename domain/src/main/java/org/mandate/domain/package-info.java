/** The command model of Mandate: who may decide what, and the events that record it. Knows no Spring, engine or database. */
package org.mandate.domain;
