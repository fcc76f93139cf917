package org.mandate.projections;

import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.directory.DirectoryProjection;
import org.mandate.projections.inbox.InboxProjection;
import org.mandate.projections.request.RequestViewProjection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

@Configuration(proxyBeanMethods = false)
public class ProjectionsConfiguration {

    @Bean
    DirectoryProjection directoryProjection(JdbcTemplate jdbc) {
        return new DirectoryProjection(jdbc);
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
}
