package org.mandate.domain.request;

public enum Outcome { APPROVED, REJECTED }
