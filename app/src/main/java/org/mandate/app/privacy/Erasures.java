package org.mandate.app.privacy;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.domain.RuleViolation;
import org.mandate.domain.directory.ApproveErasure;
import org.mandate.domain.directory.Directory;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.directory.RequestErasure;
import org.springframework.stereotype.Service;

/** Asking for and approving an erasure (four eyes: the aggregate refuses the same administrator twice). */
@Service
class Erasures {

    private final CommandGateway commands;
    private final Directory directory;

    Erasures(CommandGateway commands, Directory directory) {
        this.commands = commands;
        this.directory = directory;
    }

    void request(String person, String reason, String admin) {
        commands.sendAndWait(new RequestErasure(existing(person), PersonId.of(admin), reason));
    }

    void approve(String person, String admin) {
        commands.sendAndWait(new ApproveErasure(existing(person), PersonId.of(admin)));
    }

    private PersonId existing(String id) {
        if (id == null || id.isBlank() || directory.find(PersonId.of(id.strip())).isEmpty()) {
            throw RuleViolation.notFound("There is nobody with the id '" + id + "' in the directory; check the id.");
        }
        return PersonId.of(id.strip());
    }
}
