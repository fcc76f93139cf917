package org.mandate.app.mail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON a chat channel's incoming webhook takes: Slack's {@code {"text", "blocks"}} or a Teams message carrying
 * an Adaptive Card. Each says the headline, the request's title, requester, amount, why it is in the channel, its
 * due time and a link to the request, never a link that decides: a channel is shared, and whoever reads it is not
 * the person the decision belongs to.
 */
final class ChatMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a post says; null fields are left out. */
    record Message(String headline, String title, String requester, String amount, String why, String due,
                   String url) {
    }

    private ChatMessages() {
    }

    static String render(Message message, ChatSettings.Format format) {
        return format == ChatSettings.Format.TEAMS ? teams(message) : slack(message);
    }

    static String slack(Message message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("text", message.headline() + (message.url() == null ? "" : " " + message.url()));
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode head = blocks.addObject().put("type", "section");
        head.putObject("text").put("type", "mrkdwn").put("text", "*" + slackEscape(message.headline()) + "*"
                + (message.why() == null ? "" : "\n" + slackEscape(message.why())));
        Map<String, String> facts = facts(message);
        if (!facts.isEmpty()) {
            ArrayNode fields = blocks.addObject().put("type", "section").putArray("fields");
            facts.forEach((name, value) -> fields.addObject().put("type", "mrkdwn")
                    .put("text", "*" + name + "*\n" + slackEscape(value)));
        }
        if (message.url() != null) {
            ObjectNode actions = blocks.addObject().put("type", "actions");
            ObjectNode button = actions.putArray("elements").addObject().put("type", "button")
                    .put("url", message.url()).put("action_id", "open-request");
            button.putObject("text").put("type", "plain_text").put("text", "Open in Mandate");
        }
        return root.toString();
    }

    static String teams(Message message) {
        ObjectNode card = JSON.createObjectNode();
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json").put("type", "AdaptiveCard")
                .put("version", "1.4");
        ArrayNode body = card.putArray("body");
        body.addObject().put("type", "TextBlock").put("text", message.headline()).put("weight", "Bolder")
                .put("size", "Medium").put("wrap", true);
        if (message.why() != null) {
            body.addObject().put("type", "TextBlock").put("text", message.why()).put("wrap", true);
        }
        Map<String, String> facts = facts(message);
        if (!facts.isEmpty()) {
            ArrayNode set = body.addObject().put("type", "FactSet").putArray("facts");
            facts.forEach((name, value) -> set.addObject().put("title", name).put("value", value));
        }
        if (message.url() != null) {
            card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in Mandate")
                    .put("url", message.url());
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("type", "message");
        root.putArray("attachments").addObject().put("contentType", "application/vnd.microsoft.card.adaptive")
                .set("content", card);
        return root.toString();
    }

    private static Map<String, String> facts(Message message) {
        Map<String, String> facts = new LinkedHashMap<>();
        put(facts, "Request", message.title());
        put(facts, "Requester", message.requester());
        put(facts, "Amount", message.amount());
        put(facts, "Due", message.due());
        return facts;
    }

    private static void put(Map<String, String> facts, String name, String value) {
        if (value != null && !value.isBlank()) {
            facts.put(name, value);
        }
    }

    /** Slack's mrkdwn treats &, < and > as markup: a title must not turn into a link or a mention. */
    static String slackEscape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
