/** The request API: submit, read, decide, withdraw, and each person's inbox. */
package org.mandate.app.request;
