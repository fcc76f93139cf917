package org.mandate.app.mail;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mandate.app.web.People;
import org.mandate.domain.directory.Directory;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/**
 * Addresses, choices and decide links always exist (choices made while mail is off hold once it is on, and a link
 * sent before a restart without mail still says what it is); queuing and sending only when {@code spring.mail.host}
 * is set. Real time, not the demo's scripted clock: the demo story's past is not mailed, and reminders wait for real.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailSettings.class)
class NotificationsConfiguration {

    @Bean
    MailPeople mailPeople(JdbcTemplate jdbc) {
        return new MailPeople(jdbc);
    }

    @Bean
    NotificationChoices notificationChoices(CommandGateway commands, MailPeople people) {
        return new NotificationChoices(commands, people);
    }

    @Bean
    ActionLinks actionLinks(JdbcTemplate jdbc) {
        return new ActionLinks(jdbc, Clock.systemUTC());
    }

    /**
     * Copies "decided from a mail" from the command to its events. Declaring any provider replaces Axon's default,
     * so the default (correlation and trace ids) is declared here again.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider decidedFromProvider() {
        return new SimpleCorrelationDataProvider(MailActionPage.CHANNEL, "mailLink");
    }

    @Bean
    MailTimes mailTimes(MailSettings settings) {
        return new MailTimes(settings.zone());
    }

    /** With mail off the table stays empty, and administrators' list of notices says so. */
    @Bean
    MailNotices mailNotices(JdbcTemplate jdbc) {
        return new MailNotices(jdbc);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    static class Sending {

        @Bean
        NoticeQueue noticeQueue(MailNotices notices, MailPeople people, DirectoryProjection directory,
                                MailSettings settings) {
            return new NoticeQueue(notices, people, directory, settings, Clock.systemUTC());
        }

        @Bean
        MailOutbox mailOutbox(MailNotices notices, NoticeQueue queue, People people, MailTimes times,
                              DelegationsRegister mandates, Directory directory) {
            return new MailOutbox(notices, queue, people, times, mandates, directory);
        }

        @Bean
        Reminders reminders(MailNotices notices, NoticeQueue queue, MailSettings settings, People people,
                            MailTimes times) {
            return new Reminders(notices, queue, settings, people, times, Clock.systemUTC());
        }

        @Bean
        MailComposer mailComposer(MailNotices notices, ActionLinks links, People people, MailTimes times,
                                  MailSettings settings, @Value("${mandate.public-url}") String publicUrl) {
            return new MailComposer(notices, links, people, times, settings, publicUrl, Clock.systemUTC());
        }

        @Bean
        MailMetrics mailMetrics(MeterRegistry registry, MailNotices notices) {
            return new MailMetrics(registry, notices, Clock.systemUTC());
        }

        @Bean
        MailDispatcher mailDispatcher(MailNotices notices, Reminders reminders, MailComposer composer,
                                      MailPeople people, JavaMailSender sender, MailSettings settings,
                                      MailMetrics metrics) {
            return new MailDispatcher(notices, reminders, composer, people, sender, settings, metrics,
                    Clock.systemUTC());
        }
    }
}
