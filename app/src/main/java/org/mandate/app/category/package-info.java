/** The managed list of request categories: the API, the check every entry point makes, and the seeding on upgrade. */
package org.mandate.app.category;
