/** The Spring Boot assembly of Mandate: HTTP API, pages, security, configuration and demo data. */
package org.mandate.app;
