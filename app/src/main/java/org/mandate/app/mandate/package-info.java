/** The mandate API: grant, list and revoke standing mandates. */
package org.mandate.app.mandate;
