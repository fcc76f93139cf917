package org.mandate.projections;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.mandate.projections.audit.AuditTrail;
import org.mandate.projections.binding.BindingsReader;
import org.mandate.projections.category.CategoriesProjection;
import org.mandate.projections.audit.AuditTrailProjection;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.committee.CommitteesProjection;
import org.mandate.projections.directory.DirectoryProjection;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.insights.InsightsProjection;
import org.mandate.projections.insights.InsightsReader;
import org.mandate.projections.knowledge.DecisionKnowledgeProjection;
import org.mandate.projections.ledger.LedgerProjection;
import org.mandate.projections.process.ProcessVersionsProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean
    DirectoryProjection directoryProjection(JdbcTemplate jdbc) {
        return new DirectoryProjection(jdbc);
    }

    @Bean
    CommitteesProjection committeesProjection(JdbcTemplate jdbc) {
        return new CommitteesProjection(jdbc);
    }

    @Bean
    CategoriesProjection categoriesProjection(JdbcTemplate jdbc) {
        return new CategoriesProjection(jdbc);
    }

    /** Lazy: the event store is built by Axon after the beans that command handlers read. */
    @Bean
    BindingsReader bindingsReader(@Lazy EventStore events) {
        return new BindingsReader(events);
    }

    @Bean
    DelegationsRegister delegationsRegister(JdbcTemplate jdbc) {
        return new DelegationsRegister(jdbc);
    }

    @Bean
    InboxProjection inboxProjection(JdbcTemplate jdbc) {
        return new InboxProjection(jdbc);
    }

    @Bean
    RequestViewProjection requestViewProjection(JdbcTemplate jdbc) {
        return new RequestViewProjection(jdbc);
    }

    @Bean
    InsightsProjection insightsProjection(JdbcTemplate jdbc) {
        return new InsightsProjection(jdbc);
    }

    @Bean
    InsightsReader insightsReader(JdbcTemplate jdbc) {
        return new InsightsReader(jdbc);
    }

    @Bean
    AuditTrailProjection auditTrailProjection(JdbcTemplate jdbc, ObjectMapper json,
                                              @Qualifier("eventSerializer") Serializer events) {
        return new AuditTrailProjection(jdbc, json, events);
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource, PlatformTransactionManager transactions) {
        return new AuditTrail(dataSource, transactions);
    }

    @Bean
    LedgerProjection ledgerProjection(JdbcTemplate jdbc, Clock clock) {
        return new LedgerProjection(jdbc, clock);
    }

    @Bean
    DecisionKnowledgeProjection decisionKnowledgeProjection(JdbcTemplate jdbc) {
        return new DecisionKnowledgeProjection(jdbc);
    }

    @Bean
    ProcessVersionsProjection processVersionsProjection(JdbcTemplate jdbc) {
        return new ProcessVersionsProjection(jdbc);
    }
}
