/** Every refusal as RFC 9457 problem+json, with a detail a person can act on. */
package org.mandate.app.problem;
