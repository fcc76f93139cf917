/** The directory read model that routing and login read. */
package org.mandate.projections.directory;
