/** An approval request and its steps: submitted, routed, decided, withdrawn. */
package org.mandate.domain.request;
