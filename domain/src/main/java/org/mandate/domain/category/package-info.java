/**
 * The organisation's list of request categories: admins add, rename and retire them, and every place that takes a
 * category (submissions, authority, mandates, bindings, the directory import) checks it against this list.
 */
package org.mandate.domain.category;
