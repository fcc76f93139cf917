package org.mandate.projections.committee;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One committee as the API and the console show it; {@code dissolvedAt} is null while it sits. */
public record CommitteeView(String id, String name, String formedBy, Instant formedAt, Instant dissolvedAt,
                            List<Member> members, Map<String, BigDecimal> authority, String currency) {

    public CommitteeView {
        members = List.copyOf(members);
        authority = Map.copyOf(authority);
    }

    public record Member(String personId, String addedBy, Instant addedAt) {
    }

    public boolean dissolved() {
        return dissolvedAt != null;
    }
}
