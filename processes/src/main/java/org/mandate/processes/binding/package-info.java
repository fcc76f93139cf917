/** Binding a deployed path to categories and bands, after checking that the path is one Mandate accepts today. */
package org.mandate.processes.binding;
