package org.mandate.app.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Uploads and downloads over HTTP as one person (HTTP Basic), bytes kept as bytes. */
public final class Upload {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String authorization;

    public Upload(int port, String person) {
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((person + ":demo")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** multipart/form-data with the file in the field 'file' and any other fields given. */
    public HttpResponse<String> post(String path, String fileName, byte[] content, Map<String, String> fields) {
        return post(path, fileName, content, fields, Map.of());
    }

    public HttpResponse<String> post(String path, String fileName, byte[] content, Map<String, String> fields,
                              Map<String, String> headers) {
        String boundary = "upload-" + UUID.randomUUID();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        headers.forEach(request::header);
        return send(request.header("Authorization", authorization)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body(boundary, fileName, content, fields))),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static byte[] body(String boundary, String fileName, byte[] content, Map<String, String> fields) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request.build(), handler);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
