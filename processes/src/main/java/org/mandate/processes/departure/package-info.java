/** What a departure sets in motion: the leaver's open steps move on and their mandates end, in one transaction. */
package org.mandate.processes.departure;
