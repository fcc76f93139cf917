package org.mandate.domain.request;

public enum RequestStatus { IN_REVIEW, APPROVED, REJECTED, WITHDRAWN }
