/**
 * Requests and the inbox: the application services ({@code Requests}, {@code Conversation}, {@code BulkDecisions},
 * the readers) and the JSON API over them; the pages are in {@code web}.
 */
package org.mandate.app.request;
