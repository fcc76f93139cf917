/** Committees for administrators: the API under /api/committees and the console's Committees page. */
package org.mandate.app.committee;
