/**
 * The request pages: the inbox (the steps a person may decide now, kept current without reloading, and their own
 * requests), a form to make a request, and a request's page with its steps, history, path diagram and the actions
 * the person may take on it. They call the same services as the API beside them ({@code Requests},
 * {@code Conversation}, {@code BulkDecisions}).
 */
package org.mandate.app.request.web;
