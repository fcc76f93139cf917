/** Limits on what a caller may send: request bodies are bounded before anything reads them. */
package org.mandate.app.limits;
