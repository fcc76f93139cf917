package org.mandate.app.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer's hook for {@link Personal} fields: written as {@code {"subject": id, "sealed": base64}},
 * read back in clear, or as the erased text once the subject's key is gone. A request's text is sealed twice, first
 * with the request's key, then with the person's, and written as {@code {"subject": id, "request": "request:<id>",
 * "sealed": base64}}: it reads as erased once either key is gone (an erasure, or the request's retention). A field
 * stored before encryption existed is a plain JSON string and reads as it is, so old stores need no migration to
 * stay readable.
 * <p>
 * An annotation introspector rather than a module of serializers for String: only fields the domain marks change,
 * and the domain stays free of Jackson.
 */
final class PersonalFields extends NopAnnotationIntrospector {

    static final String SUBJECT = "subject";
    static final String SEALED = "sealed";
    static final String REQUEST = "request";
    /** The request's key is kept apart from people's: a person id never holds a colon (DirectoryImport). */
    static final String REQUEST_SUBJECT = "request:";

    /** The key subject of a request's texts (retention). */
    static String requestSubject(String requestId) {
        return REQUEST_SUBJECT + requestId;
    }

    private final PersonalCipher cipher;

    PersonalFields(PersonalCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public Object findSerializer(Annotated member) {
        Personal personal = member.getAnnotation(Personal.class);
        return personal == null ? null : new Sealing(cipher, personal);
    }

    @Override
    public Object findDeserializer(Annotated member) {
        Personal personal = member.getAnnotation(Personal.class);
        return personal == null ? null : new Opening(cipher, personal);
    }

    /** Writes the field sealed for the subject named by the record being written. */
    static final class Sealing extends StdSerializer<String> {

        private static final Map<String, Method> ACCESSORS = new ConcurrentHashMap<>();
        private final transient PersonalCipher cipher;
        private final Personal personal;

        Sealing(PersonalCipher cipher, Personal personal) {
            super(String.class);
            this.cipher = cipher;
            this.personal = personal;
        }

        @Override
        public void serialize(String clear, JsonGenerator out, SerializerProvider provider) throws IOException {
            Object owner = out.currentValue();
            String subject = subject(owner, personal.subject());
            if (subject == null) {
                // nobody to shred it for: an event without its subject stays as it was written
                out.writeString(clear);
                return;
            }
            String request = personal.request().isEmpty() ? null : subject(owner, personal.request());
            String within = request == null ? null : requestSubject(request);
            // the request's key inside, the person's outside: destroying either leaves nothing that opens
            var sealed = within == null ? cipher.seal(subject, clear)
                    : cipher.seal(within, clear).flatMap(inner -> cipher.seal(subject, inner));
            if (sealed.isEmpty()) {
                out.writeString(personal.kind().erased());
                return;
            }
            out.writeStartObject();
            out.writeStringField(SUBJECT, subject);
            if (within != null) {
                out.writeStringField(REQUEST, within);
            }
            out.writeStringField(SEALED, sealed.get());
            out.writeEndObject();
        }

        private static String subject(Object owner, String... components) {
            if (owner == null) {
                return null;
            }
            for (String component : components) {
                Object value;
                try {
                    value = ACCESSORS.computeIfAbsent(owner.getClass().getName() + "#" + component,
                            key -> accessor(owner.getClass(), component)).invoke(owner);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("@Personal names " + component + " of " + owner.getClass(), e);
                }
                if (value instanceof PersonId id) {
                    return id.value();
                }
                if (value != null) {
                    return value.toString();
                }
            }
            return null;
        }

        private static Method accessor(Class<?> type, String component) {
            try {
                return type.getMethod(component);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("@Personal names " + component + ", which " + type.getSimpleName()
                        + " does not have", e);
            }
        }
    }

    /** Reads a sealed field in clear (or erased), and a plain string as stored before encryption. */
    static final class Opening extends StdDeserializer<String> {

        private final transient PersonalCipher cipher;
        private final Personal personal;

        Opening(PersonalCipher cipher, Personal personal) {
            super(String.class);
            this.cipher = cipher;
            this.personal = personal;
        }

        @Override
        public String deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() != JsonToken.START_OBJECT) {
                return in.getValueAsString();
            }
            return open(cipher, context.readTree(in)).orElse(personal.kind().erased());
        }
    }

    /** A sealed field in clear; empty when a key it needs is gone, or it is not a sealed field at all. */
    static Optional<String> open(PersonalCipher cipher, JsonNode sealed) {
        String subject = sealed.path(SUBJECT).asText(null);
        String data = sealed.path(SEALED).asText(null);
        if (subject == null || data == null) {
            return Optional.empty();
        }
        Optional<String> opened = cipher.open(subject, data);
        JsonNode within = sealed.get(REQUEST);
        return within == null ? opened : opened.flatMap(inner -> cipher.open(within.asText(), inner));
    }

    /** True for the stored form of a sealed field: its subject, perhaps its request, and the ciphertext. */
    static boolean isSealed(JsonNode node) {
        return node.isObject() && node.has(SUBJECT) && node.has(SEALED)
                && node.size() == (node.has(REQUEST) ? 3 : 2);
    }
}
