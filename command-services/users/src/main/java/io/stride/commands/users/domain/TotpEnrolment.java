package io.stride.commands.users.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A pending TOTP enrolment: the base32 secret and the otpauth:// URI authenticator apps scan. */
public record TotpEnrolment(String secret, String provisioningUri) {

    /** Key URI format of Google Authenticator: SHA1, 6 digits, 30 s, spelled out for other apps. */
    public static TotpEnrolment of(String issuer, String accountName, byte[] secret) {
        String base32 = Base32.encode(secret);
        String label = encode(issuer) + ":" + encode(accountName);
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new TotpEnrolment(base32, uri);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
