/** Where the tracking projections stand, read from the shared token store so every node sees the same answer. */
package org.mandate.app.projection;
