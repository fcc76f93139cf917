package org.mandate.projections.delegation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.PersonId;
import org.mandate.domain.mandate.MandateGranted;
import org.mandate.domain.mandate.MandateId;
import org.mandate.domain.mandate.MandateRevoked;
import org.mandate.domain.mandate.MandateTerms;
import org.mandate.domain.mandate.Mandates;
import org.mandate.domain.mandate.Scope;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every standing mandate. Subscribing (see application.yaml): a grant or revocation counts for the very next
 * command, so a mandate revoked a second before a decision no longer lets anyone decide.
 */
@ProcessingGroup(DelegationsRegister.NAME)
public class DelegationsRegister implements Mandates {

    public static final String NAME = "delegations";

    private final JdbcTemplate jdbc;

    public DelegationsRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MandateGranted event) {
        jdbc.update("delete from mandate where id = ?", event.mandateId().toString());
        jdbc.update("insert into mandate (id, grantor, holder, principal, parent_id, categories, max_amount, currency, "
                        + "valid_from, valid_until, may_redelegate, reason, granted_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.mandateId().toString(), event.grantor().value(), event.holder().value(),
                event.principal().value(), event.parent() == null ? null : event.parent().toString(),
                String.join(",", new TreeSet<>(event.scope().categories())), event.scope().maxAmount(),
                event.scope().currency(), Rows.timestamp(event.validFrom()), Rows.timestamp(event.validUntil()),
                event.mayRedelegate(), event.reason(), Rows.timestamp(event.grantedAt()));
    }

    @EventHandler
    void on(MandateRevoked event) {
        jdbc.update("update mandate set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?",
                Rows.timestamp(event.revokedAt()), event.revokedBy() == null ? null : event.revokedBy().value(),
                event.reason(), event.mandateId().toString());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from mandate");
    }

    @Override
    public Optional<MandateTerms> find(MandateId id) {
        return jdbc.query("select * from mandate where id = ?", this::terms, id.toString()).stream().findFirst();
    }

    @Override
    public List<MandateTerms> heldBy(PersonId holder) {
        return jdbc.query("select * from mandate where holder = ? order by granted_at, id", this::terms,
                holder.value());
    }

    @Override
    public List<MandateTerms> grantedBy(PersonId grantor) {
        return jdbc.query("select * from mandate where grantor = ? order by granted_at, id", this::terms,
                grantor.value());
    }

    /** Every mandate carrying this person's authority, passed on or not. */
    public List<MandateTerms> carrying(PersonId principal) {
        return jdbc.query("select * from mandate where principal = ? order by granted_at, id", this::terms,
                principal.value());
    }

    /** The mandates a person granted, holds, or whose authority they carry, newest first. */
    public List<MandateView> involving(String personId, Instant now) {
        return jdbc.query("select * from mandate where grantor = ? or holder = ? or principal = ? "
                        + "order by granted_at desc, id", (row, n) -> view(row, now), personId, personId, personId)
                .stream().map(view -> withItsChain(view, now, 0)).toList();
    }

    public Optional<MandateView> view(String id, Instant now) {
        return ownTerms(id, now).map(view -> withItsChain(view, now, 0));
    }

    private Optional<MandateView> ownTerms(String id, Instant now) {
        return jdbc.query("select * from mandate where id = ?", (row, n) -> view(row, now), id).stream().findFirst();
    }

    /**
     * A passed-on mandate is in force only while the one it came from is, and so on up the chain (as
     * {@link Mandates#effectiveAt} decides for its use): otherwise it shows as ENDED, saying why. Read after the
     * rows, never inside a row mapper, which would hold one pooled connection while taking another.
     */
    private MandateView withItsChain(MandateView view, Instant now, int depth) {
        if (view.passedOn() == null || !view.liveOnItsOwn()) {
            return view;
        }
        MandateView parent = depth >= 32 ? null : ownTerms(view.passedOn(), now)
                .map(found -> withItsChain(found, now, depth + 1)).orElse(null);
        if (parent == null) {
            return view.ended(new MandateView.Ending(view.passedOn(), null, "MISSING", null, null));
        }
        return switch (parent.status()) {
            case "REVOKED" -> view.ended(new MandateView.Ending(parent.id(), parent.from(), "REVOKED",
                    parent.revokeReason(), null));
            case "EXPIRED" -> view.ended(new MandateView.Ending(parent.id(), parent.from(), "EXPIRED", null,
                    parent.validUntil()));
            case MandateView.ENDED -> view.ended(parent.ending());
            default -> view;
        };
    }

    private MandateTerms terms(ResultSet row, int n) throws SQLException {
        String parent = row.getString("parent_id");
        return new MandateTerms(MandateId.of(row.getString("id")), PersonId.of(row.getString("grantor")),
                PersonId.of(row.getString("holder")), PersonId.of(row.getString("principal")),
                parent == null ? null : MandateId.of(parent),
                new Scope(categories(row), row.getBigDecimal("max_amount"), row.getString("currency")),
                Rows.instant(row, "valid_from"), Rows.instant(row, "valid_until"), row.getBoolean("may_redelegate"),
                Rows.instant(row, "revoked_at"));
    }

    private MandateView view(ResultSet row, Instant now) throws SQLException {
        MandateTerms terms = terms(row, 0);
        String status = terms.revoked() ? "REVOKED" : now.isBefore(terms.validFrom()) ? "UPCOMING"
                : now.isBefore(terms.validUntil()) ? "ACTIVE" : "EXPIRED";
        return new MandateView(terms.id().toString(), terms.grantor().value(), terms.holder().value(),
                terms.principal().value(), row.getString("parent_id"), terms.scope().categories(),
                terms.scope().maxAmount(), terms.scope().currency(), terms.validFrom(), terms.validUntil(),
                terms.mayRedelegate(), row.getString("reason"), Rows.instant(row, "granted_at"), status,
                terms.revokedAt(), row.getString("revoked_by"), row.getString("revoke_reason"), null, null);
    }

    private static Set<String> categories(ResultSet row) throws SQLException {
        return Set.copyOf(Arrays.asList(row.getString("categories").split(",")));
    }
}
