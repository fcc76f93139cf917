package org.mandate.app.webhook;

import org.mandate.app.problem.AppRefusals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps webhooks from being used to reach internal hosts (server-side request forgery): a subscriber URL must be
 * https (unless relaxed for tests) and its host must resolve only to public addresses: no loopback, link-local
 * (169.254.169.254 is the cloud metadata service), private, carrier-grade NAT, unique-local, multicast or
 * unspecified ones. Checked when a subscription is registered and again before every attempt, since DNS answers
 * change; redirects are never followed.
 */
class OutgoingUrlGuard {

    private final boolean requireHttps;
    private final boolean allowPrivateAddresses;

    OutgoingUrlGuard(boolean requireHttps, boolean allowPrivateAddresses) {
        this.requireHttps = requireHttps;
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /** The URL as a URI, or a refusal that says what to change. */
    URI check(String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException | NullPointerException notAUrl) {
            throw AppRefusals.invalid("refusal.url.notAUrl", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && !requireHttps)) {
            throw AppRefusals.invalid("refusal.url.https", url);
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw AppRefusals.invalid("refusal.url.noHost", url);
        }
        if (uri.getRawUserInfo() != null) {
            throw AppRefusals.invalid("refusal.url.userInfo");
        }
        if (!allowPrivateAddresses) {
            for (InetAddress address : resolve(uri.getHost())) {
                if (internal(address)) {
                    throw AppRefusals.invalid("refusal.url.internal", uri.getHost(), address.getHostAddress());
                }
            }
        }
        return uri;
    }

    private static InetAddress[] resolve(String host) {
        try {
            return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException unknown) {
            throw AppRefusals.invalid("refusal.url.unresolved", host);
        }
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff;
            int second = bytes[1] & 0xff;
            // 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 192.0.0.0/24 protocol assignments,
            // 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved and broadcast
            return first == 0 || (first == 100 && second >= 64 && second < 128)
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19)) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:a.b.c.d and 64:ff9b::a.b.c.d carry an IPv4 address to check as such
            if ((bytes[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            boolean nat64 = (bytes[0] & 0xff) == 0 && (bytes[1] & 0xff) == 0x64 && (bytes[2] & 0xff) == 0xff
                    && (bytes[3] & 0xff) == 0x9b && isZero(bytes, 4, 12);
            if (mapped || nat64) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
