/** The mandates page: standing delegations a person gave or holds, granting one, out of office, revoking. */
package org.mandate.app.web.mandate;
