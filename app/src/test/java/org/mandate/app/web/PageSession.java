package org.mandate.app.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser without the browser: a cookie session logged in through the login form, posting forms as pages do. */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private String language;

    private PageSession(int port) {
        this.port = port;
    }

    /** From now on, asks for pages in this language (Accept-Language), as a browser set to it does. */
    public PageSession speaking(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    /** Nobody logged in: a browser opening a link from a mail. */
    public static PageSession anonymous(int port) {
        return new PageSession(port);
    }

    public static PageSession loggedIn(int port, String person) {
        return loggedIn(port, person, "demo");
    }

    public static PageSession loggedIn(int port, String person, String password) {
        PageSession session = new PageSession(port);
        String token = session.csrfFrom("/login");
        HttpResponse<String> login = session.postForm("/login", Map.of("username", person, "password", password,
                "_csrf", token));
        if (login.statusCode() != 302 || login.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("login failed for " + person + ": " + login.statusCode());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A request as htmx sends it when a page refreshes part of itself. */
    HttpResponse<String> htmx(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("HX-Request", "true").GET());
    }

    /** The CSRF token the page at {@code path} puts in its forms. */
    public String csrfFrom(String path) {
        Matcher matcher = CSRF.matcher(get(path).body());
        if (!matcher.find()) {
            throw new AssertionError(path + " has no CSRF token in its forms");
        }
        return matcher.group(1);
    }

    /** The CSRF token in the forms of a page a test has fetched already, and checks as well. */
    public static String csrfIn(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in: " + page);
        }
        return matcher.group(1);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** An upload as the request page's form sends it: multipart/form-data, the file in the field 'file'. */
    public HttpResponse<String> postFile(String path, String fileName, byte[] content) {
        String boundary = "page-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** A post as the modeler's script sends it: XML, the CSRF token in its header, asking for JSON. */
    public HttpResponse<String> postXmlAsScript(String path, String xml) {
        String token = csrfFrom("/");
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/xml")
                .header("X-CSRF-TOKEN", token).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(xml)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            if (language != null) {
                request.header("Accept-Language", language);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
