/**
 * Where the tracking projections stand, read from the shared token store so every node sees the same answer; and
 * the inline read models' gate and rebuild (docs/adr/0010-inline-read-models.md).
 */
package org.mandate.app.projection;
