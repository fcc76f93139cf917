package org.mandate.domain.directory;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A person in the directory. Their joining, authority and manager are events, so any past org chart can be rebuilt. */
@AggregateRoot(type = "Person")
public class PersonAggregate {

    @AggregateIdentifier
    private PersonId id;

    PersonAggregate() {
        // for Axon
    }

    @CommandHandler
    public PersonAggregate(JoinPerson command, Directory directory) {
        if (command.name() == null || command.name().isBlank()) {
            throw org.mandate.domain.RuleViolation.invalid("A person needs a name.");
        }
        if (command.manager() != null && directory.find(command.manager()).isEmpty()) {
            throw org.mandate.domain.RuleViolation.invalid(
                    "Manager '" + command.manager() + "' is not in the directory; add them first.");
        }
        apply(new PersonJoined(command.personId(), command.name(), command.title(), command.manager(),
                command.roles(), command.authority()));
    }

    @EventSourcingHandler
    void on(PersonJoined event) {
        this.id = event.personId();
    }
}
