package org.mandate.domain;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event's text field as personal data of a data subject: the event store keeps it encrypted with that
 * person's key, and once the key is destroyed (erasure) the field reads as {@link Kind#erased()}. Identifiers,
 * amounts, categories and outcomes are never marked: routing, authority checks and the proof need them in clear.
 * <p>
 * {@code subject} names the record components that hold the data subject (a {@code PersonId} or its text), tried
 * in order; the first that is set is the subject. The storage lives in the app (docs/privacy.md): the domain only
 * says which fields are personal and whose.
 * <p>
 * {@code request} names the component holding the request a text belongs to (a {@code RequestId}), if any: the text
 * is then sealed a second time, with that request's key, so that it is shredded when either the person is erased or
 * the request's retention period ends, whichever comes first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Personal {

    String[] subject();

    Kind kind() default Kind.TEXT;

    /** The component holding the request whose retention also covers the text; empty for none. */
    String request() default "";

    /** What an erased field reads as, so that pages and exports show the gap instead of failing on it. */
    enum Kind {
        NAME("erased person"), TEXT("[erased]");

        private final String erased;

        Kind(String erased) {
            this.erased = erased;
        }

        public String erased() {
            return erased;
        }
    }
}
