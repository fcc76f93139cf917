package org.mandate.app.committee;

import org.apache.commons.lang3.exception.ExceptionUtils;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.mandate.app.category.KnownCategories;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.committee.AddCommitteeMember;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.DissolveCommittee;
import org.mandate.domain.committee.FormCommittee;
import org.mandate.domain.committee.RemoveCommitteeMember;
import org.mandate.domain.committee.SetCommitteeAuthority;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.committee.CommitteeView;
import org.mandate.projections.committee.CommitteesProjection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Changing committees, for the API and the console alike: every change a command, refused with a reason. */
@Service
public class CommitteeAdmin {

    private final CommandGateway commands;
    private final CommitteesProjection committees;

    private final KnownCategories categories;

    CommitteeAdmin(CommandGateway commands, CommitteesProjection committees, KnownCategories categories) {
        this.categories = categories;
        this.commands = commands;
        this.committees = committees;
    }

    public List<CommitteeView> all() {
        return committees.all();
    }

    public CommitteeView existing(String id) {
        return committees.find(id == null ? "" : id.strip()).orElseThrow(() -> AppRefusals.notFound(
                "refusal.committee.none", String.valueOf(id)));
    }

    /** Forms the committee under {@code id}, or under the id its name suggests when none is given. */
    public CommitteeView form(String id, String name, String by) {
        CommitteeId committee = id == null || id.isBlank() ? CommitteeId.from(name) : CommitteeId.of(id.strip());
        if (committee.value().isEmpty()) {
            throw AppRefusals.invalid("refusal.committee.name");
        }
        try {
            commands.sendAndWait(new FormCommittee(committee, name, PersonId.of(by)));
        } catch (RuntimeException failure) {
            // another committee was given the name in a transaction that committed first (the read model's unique
            // name); the failure arrives wrapped by the event processor
            if (ExceptionUtils.throwableOfType(failure, DuplicateKeyException.class) == null) {
                throw failure;
            }
            throw AppRefusals.conflict("refusal.committee.nameTaken", name.strip());
        }
        return existing(committee.value());
    }

    public CommitteeView add(String id, String person, String by) {
        CommitteeView committee = existing(id);
        if (person == null || person.isBlank()) {
            throw AppRefusals.invalid("refusal.committee.noMember");
        }
        commands.sendAndWait(new AddCommitteeMember(CommitteeId.of(committee.id()), PersonId.of(person.strip()),
                PersonId.of(by)));
        return existing(id);
    }

    public CommitteeView remove(String id, String person, String by) {
        CommitteeView committee = existing(id);
        commands.sendAndWait(new RemoveCommitteeMember(CommitteeId.of(committee.id()), PersonId.of(person.strip()),
                PersonId.of(by)));
        return existing(id);
    }

    /** Categories are compared in lower case, as a person's authority; {@value Authority#ANY} is every category. */
    public CommitteeView authority(String id, Map<String, BigDecimal> limits, String currency, String by) {
        CommitteeView committee = existing(id);
        Map<String, BigDecimal> read = new TreeMap<>();
        (limits == null ? Map.<String, BigDecimal>of() : limits).forEach((category, amount) -> {
            String key = category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty() || key.length() > 64 || amount == null) {
                throw AppRefusals.invalid("refusal.committee.limit");
            }
            if (read.put(key, amount) != null) {
                throw AppRefusals.invalid("refusal.committee.limitTwice", key);
            }
        });
        categories.requireKnownOrAny(read.keySet());
        commands.sendAndWait(new SetCommitteeAuthority(CommitteeId.of(committee.id()), new Authority(read),
                currency == null ? null : currency.strip().toUpperCase(Locale.ROOT), PersonId.of(by)));
        return existing(id);
    }

    public CommitteeView dissolve(String id, String by) {
        CommitteeView committee = existing(id);
        commands.sendAndWait(new DissolveCommittee(CommitteeId.of(committee.id()), PersonId.of(by)));
        return existing(id);
    }
}
