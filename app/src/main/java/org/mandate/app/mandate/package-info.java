/**
 * Standing mandates: the application service ({@code StandingMandates}) and the JSON API over it; the page is in
 * {@code web}.
 */
package org.mandate.app.mandate;
