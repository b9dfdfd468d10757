package org.criu.status.core.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A token for one origin, as a request tag: the header it goes in, its value, and the stand-in the request
 * carries instead until the wire ({@link TokenInterceptor}, {@link CredentialInterceptor}). Never printed.
 *
 * @param header  "Authorization" or "PRIVATE-TOKEN"
 * @param value   the header value with the token ("Bearer ghp_...")
 * @param standIn what the request carries above the network and what the cache stores: a keyed hash
 */
public record Credential(String header, String value, String standIn) {

    /** The prefix of every stand-in; no server accepts it as a credential. */
    public static final String STAND_IN_PREFIX = "integration-status-stand-in ";

    /** A credential whose stand-in is HMAC-SHA256 of its header and value under {@code key}. */
    public static Credential of(String header, String value, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] hash = mac.doFinal((header + ":" + value).getBytes(StandardCharsets.UTF_8));
            return new Credential(header, value,
                    STAND_IN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Credential[" + header + "]";
    }
}
