/** Files attached to a request: stored by content, served as downloads to those who may read the request. */
package org.mandate.app.attachment;
