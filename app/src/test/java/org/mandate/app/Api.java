package org.mandate.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for tests: speaks JSON to the running app as one person, and hands back status and body. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final String authorization;
    private final String acceptLanguage;

    public Api(int port, String user, String password) {
        this(user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), null, port);
    }

    private Api(String authorization, String acceptLanguage, int port) {
        this.port = port;
        this.authorization = authorization;
        this.acceptLanguage = acceptLanguage;
    }

    /** A client sending this bearer token (an access token from an identity provider) on every call. */
    public static Api bearer(int port, String token) {
        return new Api("Bearer " + token, null, port);
    }

    /** The same client sending {@code Accept-Language} with every call, as a browser or a localised client does. */
    public Api speaking(String acceptLanguage) {
        return new Api(authorization, acceptLanguage, port);
    }

    public record Response(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String detail() {
            return json().path("detail").asText();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return postRaw(path, body instanceof String raw ? raw : write(body));
    }

    public Response postRaw(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a body as it is, with the content type given (a CSV file, say). */
    public Response postFile(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a file such as BPMN XML as it is. */
    public Response postXml(String path, String xml) {
        return send(request(path).header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body instanceof String raw ? raw : write(body))));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Submits a request and returns its id; fails the test if it was refused. */
    public String submit(String title, String category, long amount) {
        Response response = post("/api/requests", Map.of("title", title, "category", category, "amount", amount,
                "currency", "EUR", "description", "for the test"));
        if (response.status() != 201) {
            throw new AssertionError("submission refused: " + response);
        }
        return response.json().path("id").asText();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (acceptLanguage != null) {
            builder.header("Accept-Language", acceptLanguage);
        }
        return authorization == null ? builder : builder.header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
