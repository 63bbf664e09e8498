package io.stride.commands.users.domain;

import java.util.Set;

/**
 * The client's IP address of a request. {@code X-Forwarded-For} is believed only when the TCP peer is a trusted
 * proxy; then the client is the right-most address of the header that is not itself a trusted proxy (addresses left
 * of it were written by the client and may be forged).
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    /**
     * @param peer           the TCP peer's address
     * @param forwardedFor   the {@code X-Forwarded-For} header values joined by commas, or null
     * @param trustedProxies exact addresses of trusted proxies
     */
    public static String resolve(String peer, String forwardedFor, Set<String> trustedProxies) {
        if (peer == null || forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (hop.isEmpty() || !plausible(hop)) {
                return peer;
            }
            if (!trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return hops[0].strip();
    }

    /** An IPv4 or IPv6 literal's characters and length, nothing that could forge a key or a log line. */
    private static boolean plausible(String address) {
        return address.length() <= 45 && address.chars()
                .allMatch(c -> Character.isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
                        || c == '.' || c == ':');
    }
}
