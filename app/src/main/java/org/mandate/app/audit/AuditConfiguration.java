package org.mandate.app.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.mandate.projections.ledger.LedgerProjection;
import org.mandate.projections.ledger.LedgerVerifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    LedgerVerifier ledgerVerifier(DataSource dataSource, PlatformTransactionManager transactions,
                                  @Lazy EventProcessingConfiguration processing, Clock clock) {
        return new LedgerVerifier(dataSource, transactions, () -> ledgerGaps(processing), clock);
    }

    /** The global indexes the ledger's token still waits for: events there may yet commit and be chained. */
    private static Set<Long> ledgerGaps(EventProcessingConfiguration processing) {
        Set<Long> gaps = new HashSet<>();
        processing.eventProcessor(LedgerProjection.NAME, StreamingEventProcessor.class).ifPresent(processor -> {
            for (EventTrackerStatus status : processor.processingStatus().values()) {
                TrackingToken token = WrappedToken.unwrapLowerBound(status.getTrackingToken());
                if (token instanceof GapAwareTrackingToken gapAware) {
                    gaps.addAll(gapAware.getGaps());
                }
            }
        });
        return gaps;
    }
}
