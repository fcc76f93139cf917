/** System clients: other systems that call the API with client-credentials tokens, acting as a named person. */
package org.mandate.domain.client;
