package org.mandate.projections.knowledge;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.mandate.domain.directory.ManagerChanged;
import org.mandate.domain.directory.PersonJoined;
import org.mandate.domain.directory.PersonLeft;
import org.mandate.domain.request.MoreInformationProvided;
import org.mandate.domain.request.RequestCommented;
import org.mandate.domain.request.RequestSubmitted;
import org.mandate.domain.request.StepDecided;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Each decision next to what it decided on. Decisions stay when the people who made them leave: that is the
 * point, a successor reads how their predecessor weighed similar requests. Keeps its own copy of the reporting
 * lines and successions, so that who may read what ({@link DecisionArea}) is rebuilt with it from event zero.
 */
@ProcessingGroup(DecisionKnowledgeProjection.NAME)
public class DecisionKnowledgeProjection {

    public static final String NAME = "decision-knowledge";
    static final int MAX_RESULTS = 200;

    private final JdbcTemplate jdbc;

    public DecisionKnowledgeProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(RequestSubmitted event) {
        jdbc.update("delete from knowledge_request where request_id = ?", event.requestId().toString());
        jdbc.update("insert into knowledge_request (request_id, title, category, amount, currency, requester) "
                        + "values (?, ?, ?, ?, ?, ?)", event.requestId().toString(), event.title(), event.category(),
                event.amount(), event.currency(), event.requester().value());
    }

    /** An answer may amend the title: decisions made from now on are found by the new one. */
    @EventHandler
    void on(MoreInformationProvided event) {
        if (event.title() != null) {
            jdbc.update("update knowledge_request set title = ? where request_id = ?", event.title(),
                    event.requestId().toString());
        }
    }

    @EventHandler
    void on(StepDecided event) {
        jdbc.update("delete from knowledge_decision where step_id = ?", event.stepId().value());
        String searchText = (title(event) + " " + (event.rationale() == null ? "" : event.rationale()))
                .toLowerCase(Locale.ROOT);
        jdbc.update("insert into knowledge_decision (step_id, request_id, title, category, amount, currency, "
                        + "requester, outcome, decided_by, on_behalf_of, mandate_id, rationale, search_text, "
                        + "decided_at) select ?, request_id, title, category, amount, currency, requester, ?, ?, ?, ?, "
                        + "?, ?, ? from knowledge_request where request_id = ?",
                event.stepId().value(), event.outcome().name(), event.decidedBy().value(),
                event.onBehalfOf() == null ? null : event.onBehalfOf().value(), event.mandateId(),
                event.rationale(), searchText, Rows.timestamp(event.decidedAt()), event.requestId().toString());
    }

    /** A comment makes every decision on its request findable by its words, made before or after it. */
    @EventHandler
    void on(RequestCommented event) {
        jdbc.update("delete from knowledge_comment where comment_id = ?", event.commentId());
        jdbc.update("insert into knowledge_comment (comment_id, request_id, search_text) values (?, ?, ?)",
                event.commentId(), event.requestId().toString(), event.text().toLowerCase(Locale.ROOT));
    }

    @EventHandler
    void on(PersonJoined event) {
        jdbc.update("delete from knowledge_person where id = ?", event.personId().value());
        jdbc.update("insert into knowledge_person (id, manager_id) values (?, ?)", event.personId().value(),
                event.manager() == null ? null : event.manager().value());
    }

    @EventHandler
    void on(ManagerChanged event) {
        jdbc.update("update knowledge_person set manager_id = ? where id = ?",
                event.manager() == null ? null : event.manager().value(), event.personId().value());
    }

    @EventHandler
    void on(PersonLeft event) {
        jdbc.update("update knowledge_person set successor_id = ? where id = ?",
                event.successor() == null ? null : event.successor().value(), event.personId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from knowledge_decision");
        jdbc.update("delete from knowledge_comment");
        jdbc.update("delete from knowledge_request");
        jdbc.update("delete from knowledge_person");
    }

    /** Every matching decision, for auditors: the newest first, at most {@value #MAX_RESULTS}. */
    public List<PastDecision> search(DecisionSearch search) {
        return search(search, null);
    }

    /**
     * The matching decisions {@code viewer} may read: those decided by, or on behalf of, someone in their
     * {@link DecisionArea}. The newest first, at most {@value #MAX_RESULTS}.
     */
    public List<PastDecision> searchVisibleTo(DecisionSearch search, String viewer) {
        return search(search, area(viewer));
    }

    /** {@code viewer}, the people below them and their predecessors, and so on down. */
    public Set<String> area(String viewer) {
        return DecisionArea.around(viewer, jdbc.query("select id, manager_id, successor_id from knowledge_person",
                (row, n) -> new DecisionArea.Person(row.getString("id"), row.getString("manager_id"),
                        row.getString("successor_id"))));
    }

    private List<PastDecision> search(DecisionSearch search, Set<String> deciders) {
        StringBuilder sql = new StringBuilder("select * from knowledge_decision where 1 = 1");
        List<Object> arguments = new ArrayList<>();
        if (deciders != null) {
            // two bind parameters per person: PostgreSQL's limit of 65535 allows areas of 30000 people
            String marks = String.join(", ", Collections.nCopies(deciders.size(), "?"));
            sql.append(" and (decided_by in (").append(marks).append(") or on_behalf_of in (").append(marks)
                    .append("))");
            arguments.addAll(deciders);
            arguments.addAll(deciders);
        }
        for (String word : search.words()) {
            String pattern = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (search_text like ? escape '\\' or exists (select 1 from knowledge_comment c where "
                    + "c.request_id = knowledge_decision.request_id and c.search_text like ? escape '\\'))");
            arguments.add(pattern);
            arguments.add(pattern);
        }
        if (search.category() != null) {
            sql.append(" and category = ?");
            arguments.add(search.category());
        }
        if (search.minAmount() != null) {
            sql.append(" and amount >= ?");
            arguments.add(search.minAmount());
        }
        if (search.maxAmount() != null) {
            sql.append(" and amount <= ?");
            arguments.add(search.maxAmount());
        }
        if (search.decidedBy() != null) {
            sql.append(" and (decided_by = ? or on_behalf_of = ?)");
            arguments.add(search.decidedBy());
            arguments.add(search.decidedBy());
        }
        sql.append(" order by decided_at desc, step_id fetch first " + MAX_RESULTS + " rows only");
        return jdbc.query(sql.toString(), (row, n) -> new PastDecision(row.getString("request_id"),
                row.getString("step_id"), row.getString("title"), row.getString("category"),
                row.getBigDecimal("amount"), row.getString("currency"), row.getString("requester"),
                row.getString("outcome"), row.getString("decided_by"), row.getString("on_behalf_of"),
                row.getString("mandate_id"), row.getString("rationale"), Rows.instant(row, "decided_at")),
                arguments.toArray());
    }

    private String title(StepDecided event) {
        List<String> titles = jdbc.queryForList("select title from knowledge_request where request_id = ?",
                String.class, event.requestId().toString());
        return titles.isEmpty() ? "" : titles.get(0);
    }
}
