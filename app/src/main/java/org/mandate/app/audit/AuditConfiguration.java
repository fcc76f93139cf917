package org.mandate.app.audit;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mandate.projections.ledger.LedgerVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** {@code serializer} is Axon's general one, which the token store writes tokens with. */
    @Bean
    LedgerVerifier ledgerVerifier(DataSource dataSource, PlatformTransactionManager transactions,
                                  Serializer serializer, Clock clock) {
        return new LedgerVerifier(dataSource, transactions, (token, type) -> gaps(serializer, token, type), clock);
    }

    /** The global indexes a stored token still waits for: events there may yet commit and be chained. */
    static Set<Long> gaps(Serializer serializer, byte[] token, String tokenType) {
        TrackingToken tracking = WrappedToken.unwrapLowerBound(serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, tokenType, null)));
        return tracking instanceof GapAwareTrackingToken gapAware ? gapAware.getGaps() : Set.of();
    }
}
