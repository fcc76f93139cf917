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
import java.util.concurrent.ConcurrentHashMap;

/**
 * The event serializer's hook for {@link Personal} fields: written as {@code {"subject": id, "sealed": base64}},
 * read back in clear, or as the erased text once the subject's key is gone. A field stored before encryption
 * existed is a plain JSON string and reads as it is, so old stores need no migration to stay readable.
 * <p>
 * An annotation introspector rather than a module of serializers for String: only fields the domain marks change,
 * and the domain stays free of Jackson.
 */
final class PersonalFields extends NopAnnotationIntrospector {

    static final String SUBJECT = "subject";
    static final String SEALED = "sealed";

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
            String subject = subject(out.currentValue());
            if (subject == null) {
                // nobody to shred it for: an event without its subject stays as it was written
                out.writeString(clear);
                return;
            }
            var sealed = cipher.seal(subject, clear);
            if (sealed.isEmpty()) {
                out.writeString(personal.kind().erased());
                return;
            }
            out.writeStartObject();
            out.writeStringField(SUBJECT, subject);
            out.writeStringField(SEALED, sealed.get());
            out.writeEndObject();
        }

        private String subject(Object owner) {
            if (owner == null) {
                return null;
            }
            for (String component : personal.subject()) {
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
            JsonNode sealed = context.readTree(in);
            String subject = sealed.path(SUBJECT).asText(null);
            String data = sealed.path(SEALED).asText(null);
            if (subject == null || data == null) {
                return personal.kind().erased();
            }
            return cipher.open(subject, data).orElse(personal.kind().erased());
        }
    }
}
