/** The ledger: a hash chain over every stored event, a digest an auditor keeps, and its verification. */
package org.mandate.projections.ledger;
