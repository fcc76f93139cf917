/** The bindings of paths to categories and bands, read straight from their events. */
package org.mandate.projections.binding;
