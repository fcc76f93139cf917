package org.mandate.domain.request;

import org.mandate.domain.Personal;
import org.mandate.domain.directory.PersonId;

import java.time.Instant;

/**
 * A file attached to a request: its SHA-256 {@code hash} (lower-case hex) names the stored bytes, which the event
 * never holds, so the ledger chains the hash and the replay can say which file was there at each decision. The file
 * name may say something about a person (an invoice's addressee), so it is sealed like a comment's text.
 * {@code supersedes} is the hash of the attachment it replaces; the replaced one stays readable (nothing is removed).
 */
public record AttachmentAdded(RequestId requestId, String hash, @Personal(subject = "by", request = "requestId") String fileName,
                              String mediaType, long size, PersonId by, String supersedes, Instant addedAt) {
}
