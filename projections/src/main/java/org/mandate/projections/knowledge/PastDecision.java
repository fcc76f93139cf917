package org.mandate.projections.knowledge;

import java.math.BigDecimal;
import java.time.Instant;

public record PastDecision(String requestId, String stepId, String title, String category, BigDecimal amount,
                           String currency, String requester, String outcome, String decidedBy, String onBehalfOf,
                           String mandateId, String rationale, Instant decidedAt) {
}
