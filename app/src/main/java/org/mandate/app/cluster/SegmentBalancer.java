package org.mandate.app.cluster;

import jakarta.annotation.PreDestroy;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.mandate.app.PeriodicTask;
import org.mandate.projections.Rows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shares projection segments between the live nodes. Axon's token claims already make sure a segment is processed
 * by one node at a time and that a dead node's segments are taken over once its claims time out; but the node
 * that starts first claims every segment and keeps them. Each node therefore writes a heartbeat with the number of
 * segments it holds; when a live node holds fewer than its fair share, the others release what they hold beyond
 * theirs, for long enough that it claims them. A node counts as live only while it renews its heartbeat.
 */
@Component
@ConditionalOnProperty(name = "mandate.cluster.enabled", havingValue = "true")
class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    /** The same name Axon writes as the owner of a token claim, so the two can be matched in the database. */
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final Clock clock;
    private final Duration heartbeat;
    private final Duration releaseFor;
    private volatile PeriodicTask timer;

    SegmentBalancer(JdbcTemplate jdbc, EventProcessingConfiguration processing, Clock clock,
                    @Value("${mandate.cluster.heartbeat:5s}") Duration heartbeat,
                    @Value("${mandate.cluster.release-for:30s}") Duration releaseFor) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.releaseFor = releaseFor;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        timer = PeriodicTask.start("segment-balancer", Duration.ZERO, heartbeat, this::beat);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.stop();
        }
        jdbc.update("delete from cluster_node where id = ?", node);
    }

    private void beat() {
        try {
            Instant now = clock.instant();
            int held = streamingProcessors().stream().mapToInt(p -> p.processingStatus().size()).sum();
            if (jdbc.update("update cluster_node set last_seen = ?, segments_held = ? where id = ?",
                    Rows.timestamp(now), held, node) == 0) {
                jdbc.update("insert into cluster_node (id, last_seen, segments_held) values (?, ?, ?)", node,
                        Rows.timestamp(now), held);
            }
            // a node is alive only while it renews; rows of nodes silent for long are someone's past, not a node
            jdbc.update("delete from cluster_node where last_seen < ?",
                    Rows.timestamp(now.minus(heartbeat.multipliedBy(10))));
            List<Integer> othersHolding = jdbc.queryForList(
                    "select segments_held from cluster_node where last_seen > ? and id <> ?", Integer.class,
                    Rows.timestamp(now.minus(heartbeat.multipliedBy(2))), node);
            Integer segments = jdbc.queryForObject("select count(*) from token_entry", Integer.class);
            int liveNodes = othersHolding.size() + 1;
            int fairShare = (segments == null ? 0 : segments) / liveNodes;
            // Release only to a live node that asks, by holding fewer than its share at its last heartbeat. A node
            // that just died still looks alive for a moment, but it held its share when it died: the survivor that
            // took its segments over keeps them instead of releasing them to nobody.
            if (othersHolding.stream().anyMatch(other -> other < fairShare)) {
                balance(liveNodes, segments == null ? 0 : segments);
            }
        } catch (RuntimeException e) {
            // the next beat tries again; balancing is an optimisation, claims keep processing correct meanwhile
            log.warn("Heartbeat of node {} failed: {}", node, e.toString());
        }
    }

    /**
     * Releases this node's segments beyond its share of all segments, one at a time from the projection it holds
     * most of: a projection of several segments is split first, and projections of one segment each (every
     * background projection since the inbox and request view are inline) are shared out whole.
     */
    private void balance(int liveNodes, int segments) {
        int fairShare = (int) Math.ceil(segments / (double) liveNodes);
        Map<StreamingEventProcessor, List<Integer>> held = new HashMap<>();
        for (StreamingEventProcessor processor : streamingProcessors()) {
            List<Integer> its = new ArrayList<>(processor.processingStatus().keySet());
            its.sort(null);
            held.put(processor, its);
        }
        int excess = held.values().stream().mapToInt(List::size).sum() - fairShare;
        for (; excess > 0; excess--) {
            Map.Entry<StreamingEventProcessor, List<Integer>> most = held.entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<StreamingEventProcessor, List<Integer>> entry) ->
                            entry.getValue().size()).thenComparing(entry -> entry.getKey().getName()))
                    .orElseThrow();
            int segment = most.getValue().remove(most.getValue().size() - 1);
            log.info("Releasing segment {} of {} to another node ({} live nodes, {} segments)", segment,
                    most.getKey().getName(), liveNodes, segments);
            most.getKey().releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private List<StreamingEventProcessor> streamingProcessors() {
        return processing.eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }
}
