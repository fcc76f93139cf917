package org.mandate.domain.directory;

public record ManagerChanged(PersonId personId, PersonId manager) {
}
