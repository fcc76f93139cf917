package org.mandate.app.eventstore;

import org.axonframework.config.ConfigurerModule;
import org.mandate.domain.binding.PathBindings;
import org.mandate.domain.category.Categories;
import org.mandate.domain.client.SystemClient;
import org.mandate.domain.committee.Committee;
import org.mandate.domain.directory.PersonAggregate;
import org.mandate.domain.inbox.InboxFilters;
import org.mandate.domain.preference.Preferences;
import org.mandate.domain.mandate.MandateAggregate;
import org.mandate.domain.process.ProcessPath;
import org.mandate.domain.request.ApprovalRequest;
import org.mandate.domain.webhook.WebhookSubscription;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The domain carries no Spring stereotypes, so its aggregates are registered with Axon here. */
@Configuration(proxyBeanMethods = false)
class AggregatesConfiguration {

    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(ApprovalRequest.class)
                .configureAggregate(PersonAggregate.class)
                .configureAggregate(MandateAggregate.class)
                .configureAggregate(ProcessPath.class)
                .configureAggregate(PathBindings.class)
                .configureAggregate(WebhookSubscription.class)
                .configureAggregate(SystemClient.class)
                .configureAggregate(Committee.class)
                .configureAggregate(InboxFilters.class)
                .configureAggregate(Preferences.class)
                .configureAggregate(Categories.class);
    }
}
