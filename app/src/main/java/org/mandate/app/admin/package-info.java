/** Administration: rebuilding projections from event zero. */
package org.mandate.app.admin;
