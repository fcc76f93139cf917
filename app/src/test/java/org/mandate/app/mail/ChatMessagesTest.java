package org.mandate.app.mail;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.mandate.app.ChatReceiver;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both message shapes, as a chat server receives them: posted by {@link ChatPoster} over HTTP to a real server on
 * 127.0.0.1 and read back as JSON.
 */
class ChatMessagesTest {

    private static final ChatReceiver SERVER = ChatReceiver.start();
    private static final ChatMessages.Message MESSAGE = new ChatMessages.Message(
            "Waiting for Liam Chen: ‘Microscopes <for> lab & co’ from Ava Novak",
            "Microscopes <for> lab & co", "Ava Novak", "1,500.00 EUR",
            "The approval path put its step ‘Approval’ in front of Liam Chen.", "8 Dec 2026, 14:00 UTC",
            "https://mandate.example/requests/42");

    @AfterAll
    static void stop() {
        SERVER.down();
    }

    @Test
    void slackGetsTextForNotificationsAndBlocksWithTheFactsAndALinkToTheRequest() throws Exception {
        JsonNode post = posted(ChatSettings.Format.SLACK);

        assertThat(post.path("text").asText()).isEqualTo(MESSAGE.headline() + " " + MESSAGE.url());
        JsonNode blocks = post.path("blocks");
        assertThat(blocks).hasSize(3);
        assertThat(blocks.get(0).path("text").path("text").asText()).as("mrkdwn escaped: no stray link or mention")
                .isEqualTo("*Waiting for Liam Chen: ‘Microscopes &lt;for&gt; lab &amp; co’ from Ava Novak*\n"
                        + "The approval path put its step ‘Approval’ in front of Liam Chen.");
        assertThat(blocks.get(1).path("fields").findValuesAsText("text")).containsExactly(
                "*Request*\nMicroscopes &lt;for&gt; lab &amp; co", "*Requester*\nAva Novak",
                "*Amount*\n1,500.00 EUR", "*Due*\n8 Dec 2026, 14:00 UTC");
        JsonNode button = blocks.get(2).path("elements").get(0);
        assertThat(button.path("type").asText()).isEqualTo("button");
        assertThat(button.path("url").asText()).isEqualTo("https://mandate.example/requests/42");
        assertThat(button.path("text").path("text").asText()).isEqualTo("Open in Mandate");
    }

    @Test
    void teamsGetsAMessageWithAnAdaptiveCard() throws Exception {
        JsonNode post = posted(ChatSettings.Format.TEAMS);

        assertThat(post.path("type").asText()).isEqualTo("message");
        JsonNode attachment = post.path("attachments").get(0);
        assertThat(attachment.path("contentType").asText()).isEqualTo("application/vnd.microsoft.card.adaptive");
        JsonNode card = attachment.path("content");
        assertThat(card.path("type").asText()).isEqualTo("AdaptiveCard");
        assertThat(card.path("version").asText()).isEqualTo("1.4");
        assertThat(card.path("body").get(0).path("text").asText()).isEqualTo(MESSAGE.headline());
        assertThat(card.path("body").get(1).path("text").asText()).isEqualTo(MESSAGE.why());
        JsonNode facts = card.path("body").get(2);
        assertThat(facts.path("type").asText()).isEqualTo("FactSet");
        assertThat(facts.path("facts").findValuesAsText("title")).containsExactly("Request", "Requester", "Amount",
                "Due");
        assertThat(facts.path("facts").findValuesAsText("value")).containsExactly("Microscopes <for> lab & co",
                "Ava Novak", "1,500.00 EUR", "8 Dec 2026, 14:00 UTC");
        JsonNode action = card.path("actions").get(0);
        assertThat(action.path("type").asText()).isEqualTo("Action.OpenUrl");
        assertThat(action.path("url").asText()).isEqualTo("https://mandate.example/requests/42");
    }

    @Test
    void aNoticeWithoutRequestOrDueLeavesThoseFactsOut() {
        ChatMessages.Message bare = new ChatMessages.Message("Withdrawn", null, null, null, null, null, null);
        assertThat(ChatMessages.slack(bare)).isEqualTo("{\"text\":\"Withdrawn\",\"blocks\":[{\"type\":\"section\","
                + "\"text\":{\"type\":\"mrkdwn\",\"text\":\"*Withdrawn*\"}}]}");
        assertThat(ChatMessages.teams(bare)).doesNotContain("FactSet", "actions");
    }

    private static JsonNode posted(ChatSettings.Format format) throws Exception {
        int before = SERVER.posts().size();
        int status = new ChatPoster(Duration.ofSeconds(5)).post(URI.create(SERVER.url()),
                ChatMessages.render(MESSAGE, format));
        assertThat(status).isEqualTo(200);
        List<ChatReceiver.Post> posts = SERVER.posts();
        assertThat(posts).hasSize(before + 1);
        assertThat(posts.get(before).contentType()).isEqualTo("application/json; charset=utf-8");
        return ChatIntegrationTest.json(posts.get(before));
    }
}
