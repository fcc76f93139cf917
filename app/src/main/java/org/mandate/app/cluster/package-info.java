/** Several app nodes on one database: who is alive, and a fair share of projection segments for each. */
package org.mandate.app.cluster;
