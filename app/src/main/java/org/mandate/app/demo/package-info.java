/** The demo school of DESIGN.md, loaded as real commands on first start when {@code mandate.demo=true}. */
package org.mandate.app.demo;
