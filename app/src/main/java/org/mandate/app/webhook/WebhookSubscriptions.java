package org.mandate.app.webhook;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.mandate.domain.webhook.WebhookSubscribed;
import org.mandate.domain.webhook.WebhookSubscriptionCancelled;
import org.mandate.projections.Rows;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * The subscriptions as a table, written in the command's own transaction (a subscribing processor): a subscription
 * answers the admin's call at once, and the outbox sees it from the next event on.
 */
@ProcessingGroup(WebhookSubscriptions.NAME)
class WebhookSubscriptions {

    static final String NAME = "webhook-subscriptions";

    record Subscription(String id, String url, List<String> eventTypes, String subscribedBy, Instant subscribedAt,
                        boolean active) {
    }

    private final JdbcTemplate jdbc;

    WebhookSubscriptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(WebhookSubscribed event) {
        if (find(event.subscriptionId()) == null) {
            jdbc.update("insert into webhook_subscription (subscription_id, url, event_types, subscribed_by, "
                            + "subscribed_at, active) values (?, ?, ?, ?, ?, ?)", event.subscriptionId(), event.url(),
                    "," + String.join(",", event.eventTypes()) + ",", event.subscribedBy().value(),
                    Rows.timestamp(event.subscribedAt()), true);
        }
    }

    @EventHandler
    void on(WebhookSubscriptionCancelled event) {
        jdbc.update("update webhook_subscription set active = ? where subscription_id = ?", false,
                event.subscriptionId());
    }

    /** The signing secret, written beside the command that registers the subscription (see WebhookController). */
    void storeSecret(String subscriptionId, String secret) {
        jdbc.update("insert into webhook_secret (subscription_id, secret) values (?, ?)", subscriptionId, secret);
    }

    List<Subscription> all() {
        return jdbc.query("select * from webhook_subscription order by subscribed_at, subscription_id",
                (row, n) -> read(row));
    }

    Subscription find(String id) {
        return jdbc.query("select * from webhook_subscription where subscription_id = ?", (row, n) -> read(row), id)
                .stream().findFirst().orElse(null);
    }

    /** The active subscriptions that want this event (by name, or all events). */
    List<String> wanting(String eventName) {
        return jdbc.queryForList("select subscription_id from webhook_subscription where active = ? and "
                + "(event_types like ? or event_types like ?)", String.class, true, "%,*,%", "%," + eventName + ",%");
    }

    private static Subscription read(ResultSet row) throws SQLException {
        String types = row.getString("event_types");
        return new Subscription(row.getString("subscription_id"), row.getString("url"),
                List.of(types.substring(1, types.length() - 1).split(",")), row.getString("subscribed_by"),
                Rows.instant(row, "subscribed_at"), row.getBoolean("active"));
    }
}
