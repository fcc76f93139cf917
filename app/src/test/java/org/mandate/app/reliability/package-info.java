/** Proofs that Mandate keeps working and loses nothing under load, crashes and hostile input. */
package org.mandate.app.reliability;
