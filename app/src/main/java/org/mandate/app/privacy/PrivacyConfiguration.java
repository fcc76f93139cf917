package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotationIntrospectorPair;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;

/**
 * The event serializer: Axon's own Jackson serializer for messages, plus {@link PersonalFields}. Everything else
 * (messages, tokens, sagas, and the clear JSON that the audit trail and publishing derive from an event) keeps
 * the plain {@code messageSerializer}, so only the event store ever holds ciphertext.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetentionPolicy.class)
class PrivacyConfiguration {

    @Bean
    PersonalCipher personalCipher(@Value("${mandate.privacy.master-key:}") String masterKey, JdbcTemplate jdbc,
                                  PlatformTransactionManager transactions, Clock clock) {
        return new PersonalCipher(() -> MasterKey.of(masterKey, jdbc, transactions),
                new JdbcSubjectKeys(jdbc, transactions, clock));
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(@Qualifier("messageSerializer") Serializer messages, RevisionResolver revisions,
                               PersonalCipher cipher) {
        return withPersonalFields(messages, revisions, cipher);
    }

    /** The given Jackson serializer's mapper, copied, with personal fields sealed; public for tests that need it. */
    static JacksonSerializer withPersonalFields(Serializer plain, RevisionResolver revisions, PersonalCipher cipher) {
        if (!(plain instanceof JacksonSerializer jackson)) {
            throw new IllegalStateException("personal data is sealed by a Jackson hook: set axon.serializer.messages "
                    + "to jackson (it is " + plain.getClass().getSimpleName() + ")");
        }
        ObjectMapper mapper = jackson.getObjectMapper().copy();
        mapper.setAnnotationIntrospector(AnnotationIntrospectorPair.pair(new PersonalFields(cipher),
                mapper.getSerializationConfig().getAnnotationIntrospector()));
        return JacksonSerializer.builder().objectMapper(mapper).revisionResolver(revisions)
                .converter(jackson.getConverter()).build();
    }
}
