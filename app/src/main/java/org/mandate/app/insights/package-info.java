/** Leadership insights for managers and auditors: the page, the JSON and the Prometheus gauges. */
package org.mandate.app.insights;
