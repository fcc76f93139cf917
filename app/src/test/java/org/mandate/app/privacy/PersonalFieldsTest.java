package org.mandate.app.privacy;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.PersonJoined;
import org.mandate.domain.directory.Role;
import org.mandate.domain.request.Outcome;
import org.mandate.domain.request.RequestId;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.domain.request.StepEscalated;
import org.mandate.domain.request.StepId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalFieldsTest {

    private final MemoryKeys keys = new MemoryKeys();
    private final PersonalCipher cipher = new PersonalCipher(MasterKey.generate(), keys);
    private final JacksonSerializer plain = JacksonSerializer.defaultSerializer();
    private final JacksonSerializer events = PrivacyConfiguration.withPersonalFields(plain,
            new AnnotationRevisionResolver(), cipher);
    private final Instant now = Instant.parse("2026-12-06T05:00:00Z");
    private final RequestId request = new RequestId(UUID.randomUUID());

    @Test
    void storesPersonalFieldsSealedAndReadsThemBackInClear() {
        StepDecided decided = decided("vera", "Fine by me, Vera Lind");

        SerializedObject<String> stored = events.serialize(decided, String.class);

        assertThat(stored.getData()).doesNotContain("Vera Lind").contains("\"decidedBy\":{\"value\":\"vera\"}")
                .contains("\"outcome\":\"APPROVED\"").contains("\"subject\":\"vera\"");
        assertThat((StepDecided) events.deserialize(stored)).isEqualTo(decided);
    }

    @Test
    void sealsTheSameTextDifferentlyEachTime() {
        String first = events.serialize(decided("vera", "ok"), String.class).getData();
        String second = events.serialize(decided("vera", "ok"), String.class).getData();

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void destroyingOnePersonsKeyErasesTheirFieldsOnlyAndNeverFails() {
        SerializedObject<String> ana = events.serialize(joined("ana", "Ana Costa"), String.class);
        SerializedObject<String> ben = events.serialize(joined("ben", "Ben Adeyemi"), String.class);
        SerializedObject<String> submitted = events.serialize(new RequestSubmitted(request, "Microscopes for Ana",
                "lab", new BigDecimal("1200.00"), "EUR", "Twelve of them", PersonId.of("ana"), "approval", now),
                String.class);

        assertThat(cipher.destroy("ana")).isTrue();

        PersonJoined erased = events.deserialize(ana);
        assertThat(erased.name()).isEqualTo("erased person");
        assertThat(erased.title()).isEqualTo("[erased]");
        assertThat(erased.personId()).isEqualTo(PersonId.of("ana"));
        assertThat(erased.roles()).containsExactly(Role.FINANCE);
        RequestSubmitted request = events.deserialize(submitted);
        assertThat(request.title()).isEqualTo("[erased]");
        assertThat(request.description()).isEqualTo("[erased]");
        assertThat(request.amount()).isEqualByComparingTo("1200.00");
        assertThat(request.category()).isEqualTo("lab");
        assertThat(((PersonJoined) events.deserialize(ben)).name()).isEqualTo("Ben Adeyemi");
    }

    @Test
    void anErasedKeyStaysErasedWhenReadAfreshAndIsNotReplaced() {
        SerializedObject<String> ana = events.serialize(joined("ana", "Ana Costa"), String.class);
        cipher.destroy("ana");
        PersonalCipher restarted = new PersonalCipher(MasterKey.generate(), keys);
        JacksonSerializer afterRestart = PrivacyConfiguration.withPersonalFields(plain,
                new AnnotationRevisionResolver(), restarted);

        assertThat(((PersonJoined) afterRestart.deserialize(ana)).name()).isEqualTo("erased person");
        String later = afterRestart.serialize(joined("ana", "Ana Costa"), String.class).getData();
        assertThat(later).doesNotContain("Ana Costa").contains("\"name\":\"erased person\"");
        assertThat(keys.rows.get("ana").destroyed()).isTrue();
    }

    @Test
    void anotherNodeStopsOpeningAnErasedPersonsDataOnceItsCachedKeyExpires() {
        javax.crypto.SecretKey master = MasterKey.generate();
        PersonalCipher erasing = new PersonalCipher(() -> master, keys, java.time.Duration.ofDays(1));
        PersonalCipher expired = new PersonalCipher(() -> master, keys, java.time.Duration.ZERO);
        PersonalCipher fresh = new PersonalCipher(() -> master, keys, java.time.Duration.ofDays(1));
        String sealed = erasing.seal("ana", "Ana Costa").orElseThrow();
        assertThat(expired.open("ana", sealed)).contains("Ana Costa");
        assertThat(fresh.open("ana", sealed)).contains("Ana Costa");

        erasing.destroy("ana");

        assertThat(erasing.open("ana", sealed)).isEmpty();
        assertThat(expired.open("ana", sealed)).as("its cached key expired: read again, destroyed").isEmpty();
        assertThat(expired.seal("ana", "Later text")).as("nothing new is sealed for an erased person").isEmpty();
        assertThat(fresh.open("ana", sealed)).as("within PersonalCipher.KEEP a node still holds the key it read")
                .contains("Ana Costa");
    }

    @Test
    void readsEventsStoredBeforeEncryptionAsTheyWere() {
        SerializedObject<String> old = plain.serialize(decided("vera", "Written before encryption"), String.class);
        assertThat(old.getData()).contains("\"rationale\":\"Written before encryption\"");

        StepDecided read = events.deserialize(old);

        assertThat(read.rationale()).isEqualTo("Written before encryption");
    }

    @Test
    void takesTheFirstSubjectThatIsSetAndKeepsNullsNull() {
        StepEscalated byTimer = new StepEscalated(request, new StepId("s1"), PersonId.of("sofia"),
                PersonId.of("vera"), null, "Sofia was away", now);
        StepDecided withoutRationale = decided("vera", null);

        String stored = events.serialize(byTimer, String.class).getData();
        cipher.destroy("sofia");

        assertThat(stored).contains("\"subject\":\"sofia\"");
        assertThat(((StepEscalated) events.deserialize(new SimpleSerializedObject<>(stored, String.class,
                new SimpleSerializedType(StepEscalated.class.getName(), null)))).reason()).isEqualTo("[erased]");
        assertThat(((StepDecided) events.deserialize(events.serialize(withoutRationale, String.class))).rationale())
                .isNull();
    }

    @Test
    void aSealedFieldCopiedIntoAnotherPersonsEventDoesNotOpen() {
        String vera = events.serialize(decided("vera", "secret of vera"), String.class).getData();
        String forged = vera.replace("\"subject\":\"vera\"", "\"subject\":\"omar\"");
        events.serialize(decided("omar", "omar has a key too"), String.class);

        StepDecided read = events.deserialize(new SimpleSerializedObject<>(forged.getBytes(StandardCharsets.UTF_8),
                byte[].class, new SimpleSerializedType(StepDecided.class.getName(), null)));

        assertThat(read.rationale()).isEqualTo("[erased]");
    }

    @Test
    void sealsARequestsTextsForTheRequestToo() {
        RequestSubmitted submitted = new RequestSubmitted(request, "Microscopes for the lab", "lab",
                new BigDecimal("1200.00"), "EUR", "Twelve of them", PersonId.of("ana"), "approval", now);

        String stored = events.serialize(submitted, String.class).getData();

        assertThat(stored).doesNotContain("Microscopes").contains("\"subject\":\"ana\"")
                .contains("\"request\":\"request:" + request + "\"");
        assertThat(keys.rows).containsKeys("ana", "request:" + request);
        assertThat((RequestSubmitted) events.deserialize(events.serialize(submitted, String.class)))
                .isEqualTo(submitted);
    }

    @Test
    void destroyingARequestsKeyErasesItsTextsOnlyAndNeverFails() {
        RequestId other = new RequestId(UUID.randomUUID());
        SerializedObject<String> shredded = events.serialize(new RequestSubmitted(request, "Microscopes for the lab",
                "lab", new BigDecimal("1200.00"), "EUR", "Twelve of them", PersonId.of("ana"), "approval", now),
                String.class);
        SerializedObject<String> decision = events.serialize(decided("vera", "Fine by me"), String.class);
        SerializedObject<String> kept = events.serialize(new RequestSubmitted(other, "Goggles", "lab", BigDecimal.TEN,
                "EUR", null, PersonId.of("ana"), "approval", now), String.class);
        SerializedObject<String> ana = events.serialize(joined("ana", "Ana Costa"), String.class);

        assertThat(cipher.destroy("request:" + request)).isTrue();

        RequestSubmitted read = events.deserialize(shredded);
        assertThat(read.title()).isEqualTo("[erased]");
        assertThat(read.description()).isEqualTo("[erased]");
        assertThat(read.requester()).isEqualTo(PersonId.of("ana"));
        assertThat(read.amount()).isEqualByComparingTo("1200.00");
        assertThat(((StepDecided) events.deserialize(decision)).rationale()).isEqualTo("[erased]");
        assertThat(((StepDecided) events.deserialize(decision)).outcome()).isEqualTo(Outcome.APPROVED);
        RequestSubmitted otherRequest = events.deserialize(kept);
        assertThat(otherRequest.title()).isEqualTo("Goggles");
        assertThat(otherRequest.description()).isNull();
        assertThat(((PersonJoined) events.deserialize(ana)).name()).isEqualTo("Ana Costa");
        assertThat(events.serialize(decided("vera", "Written after shredding"), String.class).getData())
                .as("nothing new is sealed for a shredded request").contains("\"rationale\":\"[erased]\"");
    }

    @Test
    void aRequestsTextIsErasedWithThePersonToo() {
        SerializedObject<String> decision = events.serialize(decided("vera", "Fine by me"), String.class);

        cipher.destroy("vera");

        assertThat(((StepDecided) events.deserialize(decision)).rationale()).isEqualTo("[erased]");
    }

    @Test
    void aRequestsTextMovedToAnotherRequestDoesNotOpen() {
        RequestId other = new RequestId(UUID.randomUUID());
        events.serialize(new StepDecided(other, new StepId("s1"), Outcome.APPROVED, PersonId.of("vera"), null, null,
                "vera decides the other one", now), String.class);
        String stored = events.serialize(decided("vera", "secret of this request"), String.class).getData();
        String moved = stored.replace("request:" + request, "request:" + other);

        StepDecided read = events.deserialize(new SimpleSerializedObject<>(moved, String.class,
                new SimpleSerializedType(StepDecided.class.getName(), null)));

        assertThat(read.rationale()).isEqualTo("[erased]");
    }

    private StepDecided decided(String by, String rationale) {
        return new StepDecided(request, new StepId("s1"), Outcome.APPROVED, PersonId.of(by), null, null, rationale,
                now);
    }

    private PersonJoined joined(String id, String name) {
        return new PersonJoined(PersonId.of(id), name, "teacher", PersonId.of("sofia"), Set.of(Role.FINANCE),
                new Authority(Map.of()));
    }

    /** The key table in memory: the same contract as JdbcSubjectKeys. */
    static final class MemoryKeys implements SubjectKeys {

        final Map<String, Stored> rows = new HashMap<>();

        @Override
        public Optional<Stored> find(String subject) {
            return Optional.ofNullable(rows.get(subject));
        }

        @Override
        public Stored create(String subject, String wrapped, Runnable ifUndone) {
            return rows.computeIfAbsent(subject, key -> new Stored(wrapped));
        }

        @Override
        public boolean destroy(String subject) {
            Stored before = rows.put(subject, new Stored(null));
            return before != null && !before.destroyed();
        }
    }
}
