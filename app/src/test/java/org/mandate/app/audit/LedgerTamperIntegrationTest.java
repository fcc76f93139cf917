package org.mandate.app.audit;

/** The tamper cases on the shared H2 test database. */
class LedgerTamperIntegrationTest extends LedgerTamperCases {
}
