/**
 * One voice for every page: the language (English or German; the person's choice, else their browser's) and the time
 * zone (the person's choice, else the organisation's) a page is written in, and the message bundles it is written
 * from. docs/pages.md, "Languages and formats".
 */
package org.mandate.app.web.voice;
