/** System clients: registered by administrators, recorded in the metadata of every event they cause. */
package org.mandate.app.client;
