package org.mandate.projections.committee;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.committee.CommitteeAuthoritySet;
import org.mandate.domain.committee.CommitteeDissolved;
import org.mandate.domain.committee.CommitteeFacts;
import org.mandate.domain.committee.CommitteeFormed;
import org.mandate.domain.committee.CommitteeId;
import org.mandate.domain.committee.CommitteeMemberAdded;
import org.mandate.domain.committee.CommitteeMemberRemoved;
import org.mandate.domain.committee.Committees;
import org.mandate.domain.directory.Authority;
import org.mandate.domain.directory.PersonId;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The committees, their members and authority. Subscribing (application.yaml): a new committee's name is unique
 * the moment it commits, and a departure reads whom to remove in its own transaction.
 */
@ProcessingGroup(CommitteesProjection.NAME)
public class CommitteesProjection implements Committees {

    public static final String NAME = "committees";

    private final JdbcTemplate jdbc;

    public CommitteesProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CommitteeFormed event) {
        jdbc.update("insert into committee (id, name, name_key, formed_by, formed_at) values (?, ?, ?, ?, ?)",
                event.committeeId().value(), event.name(), key(event.name()), event.formedBy().value(),
                Rows.timestamp(event.formedAt()));
    }

    @EventHandler
    void on(CommitteeMemberAdded event) {
        jdbc.update("insert into committee_member (committee_id, person_id, added_by, added_at) values (?, ?, ?, ?)",
                event.committeeId().value(), event.personId().value(), event.addedBy().value(),
                Rows.timestamp(event.addedAt()));
    }

    @EventHandler
    void on(CommitteeMemberRemoved event) {
        jdbc.update("delete from committee_member where committee_id = ? and person_id = ?",
                event.committeeId().value(), event.personId().value());
    }

    @EventHandler
    void on(CommitteeAuthoritySet event) {
        jdbc.update("delete from committee_authority where committee_id = ?", event.committeeId().value());
        event.authority().limits().forEach((category, amount) -> jdbc.update(
                "insert into committee_authority (committee_id, category, max_amount) values (?, ?, ?)",
                event.committeeId().value(), category, amount));
        jdbc.update("update committee set currency = ? where id = ?", event.currency(), event.committeeId().value());
    }

    /** The history stays; the name is free again and nobody sits on it any more. */
    @EventHandler
    void on(CommitteeDissolved event) {
        jdbc.update("update committee set name_key = null, dissolved_at = ? where id = ?",
                Rows.timestamp(event.dissolvedAt()), event.committeeId().value());
        jdbc.update("delete from committee_member where committee_id = ?", event.committeeId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from committee_authority");
        jdbc.update("delete from committee_member");
        jdbc.update("delete from committee");
    }

    @Override
    public Optional<CommitteeId> named(String name) {
        return jdbc.queryForList("select id from committee where name_key = ?", String.class, key(name)).stream()
                .findFirst().map(CommitteeId::of);
    }

    @Override
    public List<CommitteeId> of(PersonId person) {
        return jdbc.queryForList("select m.committee_id from committee_member m join committee c on c.id = "
                        + "m.committee_id where m.person_id = ? and c.dissolved_at is null order by m.committee_id",
                String.class, person.value()).stream().map(CommitteeId::of).toList();
    }

    @Override
    public Optional<CommitteeFacts> sitting(CommitteeId id) {
        return find(id.value()).filter(view -> view.dissolvedAt() == null).map(view -> new CommitteeFacts(id,
                view.name(), view.members().stream().map(member -> PersonId.of(member.personId())).toList(),
                new Authority(view.authority()), view.currency()));
    }

    @Override
    public List<CommitteeFacts> sitting() {
        return jdbc.queryForList("select id from committee where dissolved_at is null order by id", String.class)
                .stream().map(id -> sitting(CommitteeId.of(id))).flatMap(Optional::stream).toList();
    }

    /** Every committee, sitting ones first, each by name. */
    public List<CommitteeView> all() {
        return jdbc.queryForList("select id from committee order by case when dissolved_at is null then 0 else 1 "
                + "end, name", String.class).stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<CommitteeView> find(String id) {
        List<CommitteeView.Member> members = jdbc.query("select * from committee_member where committee_id = ? "
                        + "order by person_id", (row, n) -> new CommitteeView.Member(row.getString("person_id"),
                        row.getString("added_by"), Rows.instant(row, "added_at")), id);
        Map<String, BigDecimal> authority = new TreeMap<>();
        jdbc.query("select category, max_amount from committee_authority where committee_id = ?",
                row -> {
                    BigDecimal limit = row.getBigDecimal("max_amount").stripTrailingZeros();
                    authority.put(row.getString("category"), limit.scale() < 0 ? limit.setScale(0) : limit);
                }, id);
        return jdbc.query("select * from committee where id = ?", (row, n) -> new CommitteeView(row.getString("id"),
                row.getString("name"), row.getString("formed_by"), Rows.instant(row, "formed_at"),
                Rows.instant(row, "dissolved_at"), members, authority, row.getString("currency")), id)
                .stream().findFirst();
    }

    private static String key(String name) {
        return name == null ? null : name.strip().toLowerCase(Locale.ROOT);
    }
}
