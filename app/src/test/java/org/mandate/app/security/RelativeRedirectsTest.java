package org.mandate.app.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RelativeRedirectsTest {

    @Test
    void aSavedRequestsUrlKeepsOnlyItsPathAndQuery() {
        assertThat(RelativeRedirects.pathOf("http://evil.example.net/mandates?continue"))
                .isEqualTo("/mandates?continue");
        assertThat(RelativeRedirects.pathOf("https://evil.example.net")).isEqualTo("/");
        assertThat(RelativeRedirects.pathOf("/requests/42")).isEqualTo("/requests/42");
    }

    @Test
    void nothingLeadsOffTheSite() {
        assertThat(RelativeRedirects.pathOf("//evil.example.net/x")).isEqualTo("/x");
        assertThat(RelativeRedirects.pathOf("http://evil.example.net//other.example.net/x")).isEqualTo("/");
        assertThat(RelativeRedirects.pathOf("javascript:alert(1)")).isEqualTo("/");
        assertThat(RelativeRedirects.pathOf("not a uri")).isEqualTo("/");
    }
}
