package org.mandate.app.webhook;

import org.junit.jupiter.api.Test;
import org.mandate.domain.RuleViolation;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutgoingUrlGuardTest {

    private final OutgoingUrlGuard production = new OutgoingUrlGuard(true, false);

    @Test
    void inProductionLoopbackLinkLocalAndPrivateHostsAreRefused() {
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost:8080/hook", "https://[::1]/hook",
                "https://169.254.169.254/latest/meta-data/", "https://10.1.2.3/", "https://192.168.0.10/",
                "https://172.16.5.4/", "https://100.64.0.1/", "https://0.0.0.0/", "https://[fd00:ec2::254]/",
                "https://[::ffff:127.0.0.1]/", "https://[fe80::1]/")) {
            assertThatThrownBy(() -> production.check(url)).as(url).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("internal address");
        }
    }

    @Test
    void inProductionOnlyHttpsIsAccepted() {
        assertThatThrownBy(() -> production.check("http://93.184.215.14/hook")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("https://");
        assertThat(production.check("https://93.184.215.14/hook").getHost()).isEqualTo("93.184.215.14");
    }

    @Test
    void credentialsInTheUrlAndHostlessUrlsAreRefused() {
        assertThatThrownBy(() -> production.check("https://me:secret@93.184.215.14/")).hasMessageContaining(
                "no user name");
        assertThatThrownBy(() -> production.check("https:///path")).hasMessageContaining("names no host");
        assertThatThrownBy(() -> production.check("https://exa mple.org/")).hasMessageContaining("not a URL");
    }

    @Test
    void testsMayAllowALocalReceiverOverPlainHttp() {
        OutgoingUrlGuard relaxed = new OutgoingUrlGuard(false, true);
        assertThat(relaxed.check("http://127.0.0.1:9999/hook").getPort()).isEqualTo(9999);
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        for (String address : List.of("93.184.215.14", "8.8.8.8", "2606:2800:21f:cb07:6820:80da:af6b:8b2c")) {
            assertThat(OutgoingUrlGuard.internal(InetAddress.getByName(address))).as(address).isFalse();
        }
    }
}
