package org.mandate.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A raw HTTP client for the reliability tests: any method, headers, body and content type, HTTP Basic or a
 * browser-like session (cookies, form login with its CSRF token). Never follows redirects, so a redirect to
 * the login page is seen as such. Connection failures surface as {@link IOException} for callers that retry.
 */
final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    record Reply(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + this, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
        }
    }

    private final HttpClient client;
    private final String base;
    private final String basic;

    /** Shared by every client without cookies: one connection pool, one selector thread. */
    private static final HttpClient STATELESS = builder().build();

    private Http(int port, String basic, boolean session) {
        this.client = session ? builder().cookieHandler(new CookieManager()).build() : STATELESS;
        this.base = "http://127.0.0.1:" + port;
        this.basic = basic;
    }

    private static HttpClient.Builder builder() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofMinutes(2))
                .followRedirects(HttpClient.Redirect.NEVER);
    }

    /** HTTP Basic as a demo person (password demo), or nobody when person is null. */
    static Http basic(int port, String person) {
        return person == null ? new Http(port, null, false) : basic(port, person, "demo");
    }

    /** HTTP Basic with any user name and password. */
    static Http basic(int port, String user, String password) {
        return new Http(port, "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)), false);
    }

    /** A bearer token (an access token from an identity provider) on every call. */
    static Http bearer(int port, String token) {
        return new Http(port, "Bearer " + token, false);
    }

    /** A browser-like session: cookies kept; logged in through the login form when person is not null. */
    static Http session(int port, String person) {
        Http http = new Http(port, null, true);
        if (person != null) {
            Reply login = http.form("/login", Map.of("username", person, "password", "demo"), true);
            if (login.status() != 302 || String.valueOf(login.header("location")).contains("error")) {
                throw new AssertionError("form login failed for " + person + ": " + login);
            }
        }
        return http;
    }

    /** The CSRF token a page hands out in its forms (the login page always has one). */
    String csrfToken(String page) throws IOException {
        Matcher matcher = CSRF.matcher(send("GET", page, null, null, Map.of()).body());
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token on " + page);
        }
        return matcher.group(1);
    }

    /** Posts a form; with the page's CSRF token when withToken, exactly as a browser would, else without it. */
    Reply form(String path, Map<String, String> fields, boolean withToken) {
        try {
            Map<String, String> all = new LinkedHashMap<>(fields);
            if (withToken) {
                all.put("_csrf", csrfToken("/login"));
            }
            String body = all.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                    .collect(Collectors.joining("&"));
            return send("POST", path, body, "application/x-www-form-urlencoded", Map.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Posts a file as a browser does, multipart/form-data in the field {@code file}; with the page's CSRF token as a
     * field when withToken.
     */
    Reply upload(String path, String fileName, String content, boolean withToken) {
        try {
            String boundary = "matrix-" + java.util.UUID.randomUUID();
            StringBuilder body = new StringBuilder();
            if (withToken) {
                body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                        .append(csrfToken("/login")).append("\r\n");
            }
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                    .append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n").append(content)
                    .append("\r\n--").append(boundary).append("--\r\n");
            return send("POST", path, body.toString(), "multipart/form-data; boundary=" + boundary, Map.of());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Reply get(String path) {
        return call("GET", path, null, null, Map.of());
    }

    Reply postJson(String path, String json, Map<String, String> headers) {
        return call("POST", path, json, "application/json", headers);
    }

    Reply postJson(String path, Object body) {
        return call("POST", path, write(body), "application/json", Map.of());
    }

    /** Any call; an I/O failure fails the test. */
    Reply call(String method, String path, String body, String contentType, Map<String, String> headers) {
        try {
            return send(method, path, body, contentType, headers);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        }
    }

    /** Any call; an I/O failure (the server is down) is thrown for the caller to retry. */
    Reply send(String method, String path, String body, String contentType, Map<String, String> headers)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            request.header("Authorization", basic);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Map<String, String> replyHeaders = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> replyHeaders.put(name.toLowerCase(),
                    String.join(", ", values)));
            return new Reply(response.statusCode(), replyHeaders, response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
