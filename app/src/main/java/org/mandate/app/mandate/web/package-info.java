/**
 * The mandates page: standing delegations a person gave or holds, granting one, out of office, revoking; through
 * {@code StandingMandates}, as the API beside it.
 */
package org.mandate.app.mandate.web;
