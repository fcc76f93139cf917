/** Who is logged in and what they may do: HTTP Basic for the API, form login for pages. */
package org.mandate.app.security;
