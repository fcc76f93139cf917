package org.mandate.domain.request;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.mandate.domain.directory.PersonId;

/**
 * Someone taking part attaches a file to a request. The bytes never travel in the command: the app has stored them
 * under their SHA-256 {@code hash} (lower-case hex) in the command's own transaction, and checked their size and media
 * type. {@code supersedes} names the hash of an attachment of this request that the new one replaces, or is null.
 */
public record AttachToRequest(@TargetAggregateIdentifier RequestId requestId, String hash, String fileName,
                              String mediaType, long size, PersonId by, String supersedes) {
}
