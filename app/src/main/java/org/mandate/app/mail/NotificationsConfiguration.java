package org.mandate.app.mail;

import org.springframework.context.MessageSource;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.mandate.app.MandateSettings;
import org.mandate.app.web.People;
import org.mandate.app.web.voice.VoiceChoices;
import org.mandate.domain.directory.Directory;
import org.mandate.projections.delegation.DelegationsRegister;
import org.mandate.projections.directory.DirectoryProjection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;

/**
 * Addresses, choices and decide links always exist (choices made while mail is off hold once it is on, and a link
 * sent before a restart without mail still says what it is); the outbox and reminders when mail
 * ({@code spring.mail.host}) or chat ({@code mandate.chat.url}) is on; sending by each only when it is. Real time,
 * not the demo's scripted clock: the demo story's past is not mailed, and reminders wait for real.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailSettings.class, ChatSettings.class})
class NotificationsConfiguration {

    @Bean
    MailSwitch mailSwitch(@Value("${spring.mail.host:}") String host) {
        return new MailSwitch(!host.isBlank());
    }

    @Bean
    MailPeople mailPeople(JdbcTemplate jdbc) {
        return new MailPeople(jdbc);
    }

    @Bean
    NotificationChoices notificationChoices(CommandGateway commands, MailPeople people, MailSettings settings,
                                            MailSwitch mail) {
        return new NotificationChoices(commands, people, settings, mail);
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
        return new SimpleCorrelationDataProvider(MailActionPage.CHANNEL, MailActionPage.LINK);
    }

    @Bean
    MailLinkUses mailLinkUses(ActionLinks links) {
        return new MailLinkUses(links);
    }

    @Bean
    MailTimes mailTimes(MailSettings settings) {
        return new MailTimes(settings.zone());
    }

    @Bean
    MailVoice mailVoice(MessageSource messages, VoiceChoices choices, MailSettings settings) {
        return new MailVoice(messages, choices, settings.zone());
    }

    /** With mail off the table stays empty, and administrators' list of notices says so. */
    @Bean
    MailNotices mailNotices(JdbcTemplate jdbc) {
        return new MailNotices(jdbc);
    }

    /** With chat off the table stays empty, and administrators' list of posts says so. */
    @Bean
    ChatNotices chatNotices(JdbcTemplate jdbc) {
        return new ChatNotices(jdbc);
    }

    /** Mail, chat, or both: the outbox, the reminders and what they know of requests serve both. */
    static class MailOrChat extends AnyNestedCondition {

        MailOrChat() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "spring.mail", name = "host")
        static class Mail {
        }

        @ConditionalOnProperty(prefix = "mandate.chat", name = "url")
        static class Chat {
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(MailOrChat.class)
    static class Outbox {

        @Bean
        NoticeQueue noticeQueue(MailNotices notices, MailPeople people, DirectoryProjection directory,
                                MailSettings settings, MailSwitch mail) {
            return new NoticeQueue(notices, people, directory, settings, Clock.systemUTC(), mail.on());
        }

        @Bean
        ChatQueue chatQueue(ChatNotices chat, ChatSettings settings, MailSettings mail) {
            return new ChatQueue(chat, settings, mail, Clock.systemUTC());
        }

        @Bean
        MandateHolders mandateHolders(MailNotices notices, NoticeQueue queue, People people,
                                      DelegationsRegister mandates, Directory directory, MailVoice voices) {
            return new MandateHolders(notices, queue, people, mandates, directory, voices);
        }

        @Bean
        VoteNotices voteNotices(MailNotices notices, NoticeQueue queue, ChatQueue chat, People people,
                                MailTimes times, Directory directory, MandateHolders mandateHolders,
                                MailVoice voices) {
            return new VoteNotices(notices, queue, chat, people, times, directory, mandateHolders, voices);
        }

        @Bean
        MailOutbox mailOutbox(MailNotices notices, NoticeQueue queue, ChatQueue chat, People people,
                              MailVoice voices, MandateHolders mandateHolders, VoteNotices votes) {
            return new MailOutbox(notices, queue, chat, people, voices, mandateHolders, votes);
        }

        @Bean
        Reminders reminders(MailNotices notices, NoticeQueue queue, ChatQueue chat, MailSettings settings,
                            People people, MailTimes times, MailVoice voices, VoteNotices votes) {
            return new Reminders(notices, queue, chat, settings, people, times, voices, votes, Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "spring.mail", name = "host")
    static class Sending {

        @Bean
        MailComposer mailComposer(MailNotices notices, ActionLinks links, People people, MailVoice voices,
                                  MailSettings settings, MandateSettings mandate, MessageSource messages) {
            return new MailComposer(notices, links, people, voices, settings, mandate.publicUrl(),
                    Clock.systemUTC(), messages);
        }

        @Bean
        MailDispatcher mailDispatcher(MailNotices notices, MailComposer composer, MailPeople people,
                                      JavaMailSender sender, MailSettings settings, MeterRegistry registry) {
            return new MailDispatcher(notices, composer, people, sender, settings,
                    OutboxMetrics.mail(registry, notices, Clock.systemUTC()), Clock.systemUTC());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(prefix = "mandate.chat", name = "url")
    static class Posting {

        @Bean
        ChatDispatcher chatDispatcher(ChatNotices chat, MailNotices notices, ChatSettings settings,
                                      MeterRegistry registry, People people, MailTimes times,
                                      MandateSettings mandate) {
            return new ChatDispatcher(chat, notices, settings, OutboxMetrics.chat(registry, chat, Clock.systemUTC()),
                    people, times, mandate.publicUrl(), Clock.systemUTC());
        }
    }
}
