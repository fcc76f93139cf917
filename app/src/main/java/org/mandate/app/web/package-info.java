/**
 * What every page shares: the {@code @Page} marker and page errors, the home redirect, static assets, names and
 * moments as people read them, and the voice (languages, amounts, dates) in {@code voice}. Each feature's own pages
 * live with the feature ({@code request.web}, {@code mandate.web}, {@code admin}, {@code audit}, ...).
 */
package org.mandate.app.web;
