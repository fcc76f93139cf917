package org.mandate.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.mandate.app.admin.ProjectionRebuilds;
import org.mandate.app.problem.AppRefusals;
import org.mandate.domain.Personal;
import org.mandate.projections.Rows;
import org.mandate.projections.audit.AuditTrailProjection;
import org.mandate.projections.ledger.LedgerChain;
import org.mandate.projections.ledger.LedgerProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Seals the personal fields of events stored before sealing existed (docs/privacy.md, "Existing stores"; ADR 0021):
 * each such event is read through the event serializer (which reads a plain string as clear text) and written back
 * through it (which seals), in place. Events already sealed are left byte for byte as they are.
 * <p>
 * Rewritten bytes no longer match their ledger links, so the chain is computed again over the store, in the
 * ledger's own order, after the old hashes are kept in {@code ledger_link_before_reencryption}: a digest an auditor
 * took before still verifies as "taken before the re-encryption". The audit trail is rebuilt: its rationale column
 * was taken from each event as it read then, and the text of someone erased since reads as erased now. Resumable: a
 * run cut short is carried on by the next one (the events still in clear are found again; the chain is recomputed
 * from position 1), under the same record.
 * <p>
 * The ledger processor is stopped meanwhile, so that no link is appended to a chain being recomputed; that is why
 * this runs only while this node is the only one processing events.
 */
@Service
public class Reencryption {

    private static final Logger log = LoggerFactory.getLogger(Reencryption.class);
    private static final int PAGE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ERASED = Arrays.stream(Personal.Kind.values()).map(Personal.Kind::erased)
            .collect(Collectors.toSet());

    /** One re-encryption, as recorded. */
    public record Record(long id, Instant startedAt, Instant finishedAt, String requestedBy, String reason,
                         long linksBefore, String headBefore, String headAfter, Long eventsRewritten) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Serializer events;
    private final EventProcessingConfiguration processing;
    private final ProjectionRebuilds rebuilds;
    private final Clock clock;
    private final Map<String, Boolean> personalTypes = new ConcurrentHashMap<>();

    Reencryption(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                 @Qualifier("eventSerializer") Serializer events, EventProcessingConfiguration processing,
                 ProjectionRebuilds rebuilds, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.events = events;
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.clock = clock;
    }

    public List<Record> records() {
        return jdbc.query("select * from ledger_reencryption order by id", (row, n) -> new Record(row.getLong("id"),
                Rows.instant(row, "started_at"), Rows.instant(row, "finished_at"),
                row.getString("requested_by"), row.getString("reason"), row.getLong("links_before"),
                row.getString("head_before"), row.getString("head_after"),
                (Long) row.getObject("events_rewritten", Long.class)));
    }

    /** Re-encrypts what is still in clear and re-chains the ledger; the finished record. */
    public synchronized Record run(String requestedBy, String reason) {
        refuseWhileOtherNodesProcess();
        StreamingEventProcessor ledger = processing.eventProcessor(LedgerProjection.NAME, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no ledger processor"));
        ledger.shutDown();
        try {
            long id = begin(requestedBy, reason);
            long rewritten = rewrite();
            String head = rechain();
            transactions.executeWithoutResult(status -> jdbc.update("update ledger_reencryption set finished_at = ?, "
                    + "head_after = ?, events_rewritten = coalesce(events_rewritten, 0) + ? where id = ?",
                    Rows.timestamp(clock.instant()), head, rewritten, id));
            log.info("Re-encryption {} by {}: {} events sealed, the chain recomputed to {}", id, requestedBy,
                    rewritten, head);
            if (rewritten > 0) {
                rebuilds.rebuild(AuditTrailProjection.NAME);
            }
            return records().stream().filter(record -> record.id() == id).findFirst().orElseThrow();
        } finally {
            ledger.start();
        }
    }

    /**
     * Axon's token store names each claim's owner after the JVM holding it ({@code pid@host}); a claim held by
     * another owner is another node processing events, which could append to the ledger meanwhile.
     */
    private void refuseWhileOtherNodesProcess() {
        String self = ManagementFactory.getRuntimeMXBean().getName();
        List<String> others = jdbc.queryForList("select distinct owner from token_entry where owner is not null "
                + "and owner <> ?", String.class, self);
        if (!others.isEmpty()) {
            throw AppRefusals.conflict("refusal.reencryption.otherNodes", String.join(", ", others));
        }
    }

    /** The unfinished record to carry on, or a new one with the chain's hashes as they are now. */
    private long begin(String requestedBy, String reason) {
        return transactions.execute(status -> {
            List<Long> unfinished = jdbc.queryForList("select id from ledger_reencryption where finished_at is null",
                    Long.class);
            if (!unfinished.isEmpty()) {
                log.info("Carrying on re-encryption {}, which did not finish", unfinished.get(0));
                return unfinished.get(0);
            }
            Long last = jdbc.queryForObject("select coalesce(max(id), 0) from ledger_reencryption", Long.class);
            long id = last + 1;
            List<Object[]> head = jdbc.query("select position, hash from ledger_link order by position desc "
                    + "fetch first 1 rows only", (row, n) -> new Object[]{row.getLong("position"), row.getString("hash")});
            long links = head.isEmpty() ? 0 : (Long) head.get(0)[0];
            String hash = head.isEmpty() ? LedgerChain.hex(LedgerChain.GENESIS) : (String) head.get(0)[1];
            jdbc.update("insert into ledger_reencryption (id, started_at, requested_by, reason, links_before, "
                    + "head_before) values (?, ?, ?, ?, ?, ?)", id, Rows.timestamp(clock.instant()), requestedBy,
                    reason, links, hash);
            jdbc.update("insert into ledger_link_before_reencryption (reencryption_id, position, hash) "
                    + "select ?, position, hash from ledger_link", id);
            return id;
        });
    }

    /** Seals each stored event that still holds a personal field in clear; how many were rewritten. */
    private long rewrite() {
        long rewritten = 0;
        long after = -1;
        while (true) {
            long from = after;
            List<LedgerChain.StoredEvent> page = jdbc.query("select * from domain_event_entry where global_index > ? "
                    + "order by global_index fetch first " + PAGE + " rows only",
                    (row, n) -> LedgerChain.StoredEvent.read(row), from);
            if (page.isEmpty()) {
                return rewritten;
            }
            List<Object[]> updates = new ArrayList<>();
            for (LedgerChain.StoredEvent event : page) {
                SerializedObject<byte[]> sealed = sealedIfInClear(event);
                if (sealed != null) {
                    updates.add(new Object[]{sealed.getData(), sealed.getType().getRevision(), event.globalIndex()});
                }
            }
            if (!updates.isEmpty()) {
                transactions.executeWithoutResult(status -> jdbc.batchUpdate("update domain_event_entry set "
                        + "payload = ?, payload_revision = ? where global_index = ?", updates));
                rewritten += updates.size();
            }
            after = page.get(page.size() - 1).globalIndex();
        }
    }

    /** The event written anew, sealed, when a personal field of it is stored in clear; null when none is. */
    SerializedObject<byte[]> sealedIfInClear(LedgerChain.StoredEvent event) {
        if (!hasPersonalFields(event.payloadType())) {
            return null;
        }
        Object payload = events.deserialize(new SimpleSerializedObject<>(event.payload(), byte[].class,
                event.payloadType(), event.payloadRevision()));
        SerializedObject<byte[]> fresh = events.serialize(payload, byte[].class);
        try {
            return inClear(JSON.readTree(event.payload()), JSON.readTree(fresh.getData())) ? fresh : null;
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.eventId() + " is not JSON", e);
        }
    }

    /**
     * Whether the stored tree holds, where the fresh one seals a field, a plain string instead: text stored before
     * sealing. Also a plain string where the fresh one writes the erased text (clear text of someone erased since),
     * and a text sealed with the person's key only where the fresh one seals it for its request too (stored before
     * request keys, so out of reach of retention).
     */
    static boolean inClear(JsonNode stored, JsonNode fresh) {
        if (PersonalFields.isSealed(stored)) {
            return PersonalFields.isSealed(fresh) && fresh.has(PersonalFields.REQUEST)
                    && !stored.has(PersonalFields.REQUEST);
        }
        if (stored.isTextual()) {
            return PersonalFields.isSealed(fresh)
                    || (fresh.isTextual() && ERASED.contains(fresh.asText()) && !stored.asText().equals(fresh.asText()));
        }
        if (stored.isObject() && fresh.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = stored.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (fresh.has(field.getKey()) && inClear(field.getValue(), fresh.get(field.getKey()))) {
                    return true;
                }
            }
        }
        if (stored.isArray() && fresh.isArray()) {
            for (int i = 0; i < Math.min(stored.size(), fresh.size()); i++) {
                if (inClear(stored.get(i), fresh.get(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean hasPersonalFields(String payloadType) {
        return personalTypes.computeIfAbsent(payloadType, type -> {
            try {
                return marksPersonal(Class.forName(type), new java.util.HashSet<>());
            } catch (ClassNotFoundException e) {
                return false;
            }
        });
    }

    /** Whether a record, or a record inside it (also as a list's element), has a component marked personal. */
    private static boolean marksPersonal(Class<?> type, Set<Class<?>> seen) {
        if (!type.isRecord() || !seen.add(type)) {
            return false;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Personal.class) || marksPersonal(component.getType(), seen)) {
                return true;
            }
            if (component.getGenericType() instanceof ParameterizedType generic) {
                for (Type argument : generic.getActualTypeArguments()) {
                    if (argument instanceof Class<?> element && marksPersonal(element, seen)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Computes every link again over the stored rows, in the ledger's order, in one transaction (a verification
     * never sees half a chain); the new head hash.
     */
    private String rechain() {
        return transactions.execute(status -> {
            byte[] previous = LedgerChain.GENESIS;
            long after = 0;
            while (true) {
                List<Object[]> links = jdbc.query("select l.position, l.hash, e.* from ledger_link l left join "
                                + "domain_event_entry e on e.global_index = l.global_index where l.position > ? "
                                + "order by l.position fetch first " + PAGE + " rows only",
                        (row, n) -> new Object[]{row.getLong("position"), row.getString("hash"),
                                row.getString("event_identifier") == null ? null : LedgerChain.StoredEvent.read(row)},
                        after);
                if (links.isEmpty()) {
                    return LedgerChain.hex(previous);
                }
                List<Object[]> changed = new ArrayList<>();
                for (Object[] link : links) {
                    LedgerChain.StoredEvent event = (LedgerChain.StoredEvent) link[2];
                    // a link whose event is gone stays as it is: the verification reports it, as before
                    byte[] hash = event == null ? LedgerChain.bytes((String) link[1]) : LedgerChain.link(previous, event);
                    if (!LedgerChain.hex(hash).equals(link[1])) {
                        changed.add(new Object[]{LedgerChain.hex(hash), link[0]});
                    }
                    previous = hash;
                    after = (Long) link[0];
                }
                if (!changed.isEmpty()) {
                    jdbc.batchUpdate("update ledger_link set hash = ? where position = ?", changed);
                }
            }
        });
    }
}
