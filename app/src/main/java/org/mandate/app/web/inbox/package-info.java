/** The inbox page: the steps a person may decide now, kept current without reloading, and their own requests. */
package org.mandate.app.web.inbox;
