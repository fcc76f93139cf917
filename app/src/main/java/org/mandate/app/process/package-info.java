/** Process owners' side: validate, deploy and compare versions of approval paths, over the API and in the modeler. */
package org.mandate.app.process;
