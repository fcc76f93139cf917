package org.mandate.app.web;

import org.junit.jupiter.api.Test;
import org.mandate.app.MandateIntegrationTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Static files are named by content, cached for a year and sent compressed; pages are neither cached nor stale
 * (issue 27). Checked on the headers a browser gets, the way the browser asks.
 */
class StaticAssetsIntegrationTest extends MandateIntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pagesLinkContentHashedFilesThatAreCachedForAYearAndCompressed() throws Exception {
        HttpResponse<String> login = get("/login", "identity"); // Java's client does not decompress
        assertThat(login.headers().firstValue("Cache-Control")).hasValueSatisfying(value ->
                assertThat(value).contains("no-store"));
        String css = linked(login.body(), "/css/mandate-[0-9a-f]{32}\\.css");
        String script = linked(login.body(), "/js/mandate-ui-[0-9a-f]{32}\\.js");
        assertThat(login.body()).as("only the inbox loads htmx").doesNotContain("htmx");

        for (String file : new String[] {css, script}) {
            HttpResponse<String> answer = get(file, "gzip, deflate, br");
            assertThat(answer.statusCode()).as(file).isEqualTo(200);
            assertThat(answer.headers().firstValue("Cache-Control")).as(file)
                    .hasValue("max-age=31536000, public, immutable");
        }
        assertThat(get(css, "gzip").headers().firstValue("Content-Encoding")).as("the stylesheet, gzipped on the fly")
                .hasValue("gzip");
        assertThat(get("/login", "gzip").headers().firstValue("Content-Encoding")).as("the page, gzipped")
                .hasValue("gzip");
    }

    @Test
    void theBundlesAreServedFromTheirPrecompressedVariants() throws Exception {
        String page = PageSession.loggedIn(port, "olu").get("/processes/approval/edit").body();
        String modeler = linked(page, "/js/bpmn-modeler-[0-9a-f]{32}\\.js");

        HttpResponse<byte[]> brotli = http.send(request(modeler, "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> gzip = http.send(request(modeler, "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> plain = http.send(request(modeler, "identity").build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
        assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(brotli.headers().allValues("Vary")).anySatisfy(vary -> assertThat(vary).contains("Accept-Encoding"));
        assertThat(brotli.body().length).as("brotli against the plain bundle").isLessThan(plain.body().length / 4);
        assertThat(gzip.body().length).isLessThan(plain.body().length / 3);
    }

    @Test
    void aRenamedFileIsNotFoundRatherThanServedStale() throws Exception {
        assertThat(get("/css/mandate-00000000000000000000000000000000.css", "gzip").statusCode()).isEqualTo(404);
    }

    private static String linked(String html, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(html);
        assertThat(matcher.find()).as("the page links " + pattern).isTrue();
        return matcher.group();
    }

    private HttpResponse<String> get(String path, String encodings) throws IOException, InterruptedException {
        return http.send(request(path, encodings).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path, String encodings) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", encodings);
    }
}
