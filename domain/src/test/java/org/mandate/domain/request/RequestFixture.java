package org.mandate.domain.request;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** An approval request under test: its clock stands still at a given time, so events carry that time. */
final class RequestFixture {

    private RequestFixture() {
    }

    /**
     * A fixture at {@code now} whose handlers are given {@code collaborators}: the directory, the mandate register,
     * and where a test needs them, the bound paths and the committees.
     */
    static FixtureConfiguration<ApprovalRequest> at(Instant now, Object... collaborators) {
        FixtureConfiguration<ApprovalRequest> fixture = new AggregateTestFixture<>(ApprovalRequest.class);
        fixture.registerInjectableResource(Clock.fixed(now, ZoneOffset.UTC));
        for (Object collaborator : collaborators) {
            fixture.registerInjectableResource(collaborator);
        }
        return fixture;
    }
}
