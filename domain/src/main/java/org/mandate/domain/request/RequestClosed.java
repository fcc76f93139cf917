package org.mandate.domain.request;

/**
 * What the three events that close a request (approved, rejected, withdrawn) have in common. Not an event itself:
 * a read model that only needs to know that a request is over handles this type once instead of each event.
 */
public interface RequestClosed {

    RequestId requestId();
}
