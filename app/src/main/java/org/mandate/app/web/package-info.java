/** Server-rendered pages for staff, auditors and process owners. */
package org.mandate.app.web;
