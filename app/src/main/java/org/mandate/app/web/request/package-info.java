/**
 * The request pages: a form to make a request, and a request's page with its steps, its history, its path
 * diagram and the actions the person may take on it (decide, withdraw).
 */
package org.mandate.app.web.request;
