package org.mandate.app.webhook;

import org.mandate.app.publishing.OutgoingEvent;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The webhook_delivery table: queued, claimed, delivered, retried, parked, redelivered. */
class WebhookDeliveries {

    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String PARKED = "PARKED";
    static final List<String> STATUSES = List.of(PENDING, DELIVERED, PARKED);

    record Delivery(String id, String subscriptionId, String eventId, String eventType, String subject,
                    String status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt,
                    Integer lastStatus, String lastError, Instant deliveredAt) {
    }

    /** What the dispatcher needs to send one delivery. */
    record Due(String id, String subscriptionId, String url, String secret, String eventId, byte[] body,
               int attempts, Instant createdAt) {
    }

    private final JdbcTemplate jdbc;

    WebhookDeliveries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void queue(String subscriptionId, OutgoingEvent event, long globalIndex) {
        Instant now = Instant.now();
        jdbc.update("insert into webhook_delivery (delivery_id, subscription_id, event_id, event_type, subject, "
                        + "global_index, body, status, attempts, created_at, next_attempt_at) "
                        + "select ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ? from (values (1)) as one(x) where not exists "
                        + "(select 1 from webhook_delivery where subscription_id = ? and event_id = ?)",
                UUID.randomUUID().toString(), subscriptionId, event.id(), event.type(), event.subject(), globalIndex,
                new String(event.json(), StandardCharsets.UTF_8), PENDING, Rows.timestamp(now), Rows.timestamp(now),
                subscriptionId, event.id());
    }

    /**
     * Due deliveries of active subscriptions, oldest first, each the earliest pending one of its subscription and
     * subject: a delivery waits while an earlier event of the same aggregate is still being retried (a parked one
     * no longer holds it up).
     */
    List<String[]> due(Instant now, int limit) {
        return jdbc.query("select d.delivery_id, d.subscription_id from webhook_delivery d "
                        + "join webhook_subscription s on s.subscription_id = d.subscription_id and s.active = ? "
                        + "where d.status = ? and d.next_attempt_at <= ? "
                        + "and (d.claimed_until is null or d.claimed_until < ?) and not exists (select 1 from "
                        + "webhook_delivery e where e.subscription_id = d.subscription_id and e.subject = d.subject "
                        + "and e.status = ? and e.global_index < d.global_index) "
                        + "order by d.global_index fetch first " + limit + " rows only",
                (row, n) -> new String[]{row.getString(1), row.getString(2)},
                true, PENDING, Rows.timestamp(now), Rows.timestamp(now), PENDING);
    }

    /** Takes a delivery for {@code until}, so no other node sends it meanwhile; false when another node has it. */
    boolean claim(String deliveryId, Instant now, Instant until) {
        return jdbc.update("update webhook_delivery set claimed_until = ? where delivery_id = ? and status = ? "
                        + "and (claimed_until is null or claimed_until < ?)", Rows.timestamp(until), deliveryId,
                PENDING, Rows.timestamp(now)) == 1;
    }

    Due load(String deliveryId) {
        return jdbc.query("select d.*, s.url, k.secret from webhook_delivery d join webhook_subscription s on "
                        + "s.subscription_id = d.subscription_id join webhook_secret k on k.subscription_id = "
                        + "d.subscription_id where d.delivery_id = ?",
                (row, n) -> new Due(row.getString("delivery_id"), row.getString("subscription_id"),
                        row.getString("url"), row.getString("secret"), row.getString("event_id"),
                        row.getString("body").getBytes(StandardCharsets.UTF_8), row.getInt("attempts"),
                        Rows.instant(row, "created_at")), deliveryId).stream().findFirst().orElse(null);
    }

    void delivered(String deliveryId, int status, Instant now) {
        jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_status = ?, last_error = null, delivered_at = ?, claimed_until = null "
                        + "where delivery_id = ?", DELIVERED, Rows.timestamp(now), status, Rows.timestamp(now),
                deliveryId);
    }

    /** A failed attempt: retried at {@code next}, or parked when {@code next} is null. */
    void failed(String deliveryId, Integer status, String error, Instant now, Instant next) {
        jdbc.update("update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, "
                        + "last_status = ?, last_error = ?, next_attempt_at = ?, claimed_until = null "
                        + "where delivery_id = ?", next == null ? PARKED : PENDING, Rows.timestamp(now), status,
                error.length() > 1000 ? error.substring(0, 1000) : error, Rows.timestamp(next == null ? now : next),
                deliveryId);
    }

    /** Sends a parked or delivered message again, with a fresh retry period; false when it is pending already. */
    boolean redeliver(String subscriptionId, String deliveryId, Instant now) {
        return jdbc.update("update webhook_delivery set status = ?, attempts = 0, created_at = ?, next_attempt_at = ?, "
                        + "claimed_until = null where delivery_id = ? and subscription_id = ? and status <> ?",
                PENDING, Rows.timestamp(now), Rows.timestamp(now), deliveryId, subscriptionId, PENDING) == 1;
    }

    Delivery find(String subscriptionId, String deliveryId) {
        return jdbc.query("select * from webhook_delivery where delivery_id = ? and subscription_id = ?",
                (row, n) -> read(row), deliveryId, subscriptionId).stream().findFirst().orElse(null);
    }

    /** The newest deliveries of a subscription first, optionally of one status. */
    List<Delivery> of(String subscriptionId, String status, int limit) {
        return status == null
                ? jdbc.query("select * from webhook_delivery where subscription_id = ? order by global_index desc "
                + "fetch first " + limit + " rows only", (row, n) -> read(row), subscriptionId)
                : jdbc.query("select * from webhook_delivery where subscription_id = ? and status = ? order by "
                + "global_index desc fetch first " + limit + " rows only", (row, n) -> read(row), subscriptionId, status);
    }

    /** How many deliveries of all subscriptions are in this status. */
    long count(String status) {
        Long count = jdbc.queryForObject("select count(*) from webhook_delivery where status = ?", Long.class, status);
        return count == null ? 0 : count;
    }

    /** How many deliveries of a subscription are in each status, and how many attempts failed. */
    Map<String, Long> counts(String subscriptionId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(status -> counts.put(status.toLowerCase(Locale.ROOT), 0L));
        jdbc.query("select status, count(*) as n from webhook_delivery where subscription_id = ? group by status",
                (RowCallbackHandler) row -> counts.put(row.getString("status").toLowerCase(Locale.ROOT),
                        row.getLong("n")), subscriptionId);
        Long failing = jdbc.queryForObject("select count(*) from webhook_delivery where subscription_id = ? and "
                + "status = ? and attempts > 0", Long.class, subscriptionId, PENDING);
        counts.put("failing", failing == null ? 0 : failing);
        return counts;
    }

    private static Delivery read(ResultSet row) throws SQLException {
        Integer lastStatus = row.getObject("last_status") == null ? null : row.getInt("last_status");
        return new Delivery(row.getString("delivery_id"), row.getString("subscription_id"), row.getString("event_id"),
                row.getString("event_type"), row.getString("subject"), row.getString("status"), row.getInt("attempts"),
                Rows.instant(row, "created_at"), Rows.instant(row, "next_attempt_at"),
                Rows.instant(row, "last_attempt_at"), lastStatus, row.getString("last_error"),
                Rows.instant(row, "delivered_at"));
    }
}
