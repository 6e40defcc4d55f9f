package org.vetted.examples.site;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * distribution's public keys: its JWK set fetched over HTTP ({@code /.well-known/jwks.json}) or read from a file.
 * A key id it does not know makes it load the set again, at most once a minute, so a key distribution starts signing
 * with after a rotation is picked up without a restart, and a flood of made-up key ids costs one fetch a minute.
 */
public final class JwkSetSource {
    static final Duration MIN_RELOAD_INTERVAL = Duration.ofMinutes(1);
    private static final int MAX_BYTES = 1 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String location;
    private final Clock clock;
    private JWKSet keys;
    private Instant loadedAt;

    private JwkSetSource(String location, Clock clock) throws IOException {
        this.location = location;
        this.clock = clock;
        reload();
    }

    /**
     * @param location an {@code http(s)://} URL of the JWK set, or the path of a file holding it
     * @throws IOException when the set cannot be had now: a site should not start without its keys
     */
    public static JwkSetSource load(String location, Clock clock) throws IOException {
        return new JwkSetSource(location, clock);
    }

    /** The public key named {@code keyId}, loading the set again first if it is not known and the set is old enough. */
    public synchronized Optional<JWK> key(String keyId) {
        JWK key = keys.getKeyByKeyId(keyId);
        if (key == null && !clock.instant().isBefore(loadedAt.plus(MIN_RELOAD_INTERVAL))) {
            try {
                reload();
                key = keys.getKeyByKeyId(keyId);
            } catch (IOException e) {
                loadedAt = clock.instant(); // keep the set we have; try again after the interval
            }
        }
        return Optional.ofNullable(key).map(JWK::toPublicJWK);
    }

    private void reload() throws IOException {
        try {
            keys = JWKSet.parse(read()).toPublicJWKSet();
            loadedAt = clock.instant();
        } catch (ParseException e) {
            throw new IOException("not a JWK set: " + location, e);
        }
    }

    private String read() throws IOException {
        if (!location.startsWith("http://") && !location.startsWith("https://")) {
            return Files.readString(Path.of(location), StandardCharsets.UTF_8);
        }
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(location))
                .timeout(TIMEOUT)
                .header("Accept", "application/jwk-set+json, application/json")
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException("GET " + location + " answered " + response.statusCode());
                }
                byte[] bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new IOException("the JWK set at " + location + " is larger than " + MAX_BYTES + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + location, e);
        }
    }
}
