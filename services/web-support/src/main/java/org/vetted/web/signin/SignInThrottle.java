package org.vetted.web.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed password sign-ins, counted per username and per client address, the same rule for the form at
 * {@code /login} and for HTTP Basic in every service that has them (intake, review). Once a username (or an address)
 * has failed too often within the window, further attempts are refused with 429 and {@code Retry-After} until the
 * window that began with its first failure has passed; the password is then not even checked, so guessing on tells
 * nothing. A successful sign-in clears the username's count, not the address's: one's own account must not wipe a
 * spray over many usernames. Kept in memory: with several instances the limit holds per instance.
 */
public final class SignInThrottle {
    /** The request attribute, seconds to wait, that a sign-in page reads to say why it answers 429. */
    public static final String RETRY_AFTER_ATTRIBUTE = SignInThrottle.class.getName() + ".retryAfterSeconds";
    /** Keys tracked at most; past it expired windows are dropped, and if that is not enough all of them. */
    static final int MAX_TRACKED = 100_000;

    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration window;
    private final InstantSource clock;
    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    /**
     * {@code vetted.security.sign-in-throttle}: failures allowed per username ({@code 5}) and per client address
     * ({@code 20}: an office behind one address has several people mistyping) within {@code window} ({@code PT15M}).
     */
    @ConfigurationProperties("vetted.security.sign-in-throttle")
    public record Properties(Integer maxFailuresPerUsername, Integer maxFailuresPerAddress, Duration window) {
        public Properties {
            maxFailuresPerUsername = maxFailuresPerUsername == null ? 5 : maxFailuresPerUsername;
            maxFailuresPerAddress = maxFailuresPerAddress == null ? 20 : maxFailuresPerAddress;
            window = window == null ? Duration.ofMinutes(15) : window;
            if (maxFailuresPerUsername < 1 || maxFailuresPerAddress < 1 || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException(
                        "vetted.security.sign-in-throttle: limits must be at least 1 and " + "the window positive");
            }
        }
    }

    public SignInThrottle(Properties properties, InstantSource clock) {
        this.maxPerUsername = properties.maxFailuresPerUsername();
        this.maxPerAddress = properties.maxFailuresPerAddress();
        this.window = properties.window();
        this.clock = clock;
    }

    /** Seconds to wait before this username may try again from this address; empty when it may try now. */
    public OptionalLong retryAfterSeconds(String username, String address) {
        Instant now = clock.instant();
        long wait = Math.max(
                waitFor(userKey(username), maxPerUsername, now), waitFor(addressKey(address), maxPerAddress, now));
        return wait > 0 ? OptionalLong.of(wait) : OptionalLong.empty();
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED) {
            failures.values().removeIf(known -> known.endsBefore(now, window));
            if (failures.size() >= MAX_TRACKED) {
                failures.clear();
            }
        }
        count(userKey(username), now);
        count(addressKey(address), now);
    }

    public void succeeded(String username) {
        failures.remove(userKey(username));
    }

    /**
     * A filter that guards one way of signing in: put it just before the filter that checks the password.
     *
     * @param attempt  the username a request tries to sign in as; null when it is no password sign-in
     * @param refusal  how to answer a refused attempt (see {@link #problemJson} and {@link #page})
     */
    public OncePerRequestFilter guard(Attempt attempt, Refusal refusal) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String username = attempt.username(request);
                if (username == null) {
                    chain.doFilter(request, response);
                    return;
                }
                OptionalLong wait = retryAfterSeconds(username, request.getRemoteAddr());
                if (wait.isPresent()) {
                    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()));
                    refusal.refuse(request, response, wait.getAsLong());
                    return;
                }
                chain.doFilter(request, response);
                Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
                if (signedIn != null
                        && signedIn.isAuthenticated()
                        && !(signedIn instanceof AnonymousAuthenticationToken)) {
                    succeeded(username);
                } else {
                    failed(username, request.getRemoteAddr());
                }
            }
        };
    }

    /** Which username a request tries to sign in as, or null when it is no password sign-in. */
    @FunctionalInterface
    public interface Attempt {
        String username(HttpServletRequest request);
    }

    /** Answers a refused attempt; the status is the refusal's to set, {@code Retry-After} is already set. */
    @FunctionalInterface
    public interface Refusal {
        void refuse(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
                throws ServletException, IOException;
    }

    /** An HTTP Basic attempt: the username of an {@code Authorization: Basic} header that decodes. */
    public static Attempt basic() {
        return request -> {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
                return null;
            }
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException notBase64) {
                return null; // the Basic filter refuses it; nothing to count
            }
        };
    }

    /** A sign-in form posted to {@code path} with a {@code username} field. */
    public static Attempt form(String path) {
        return request -> {
            String within =
                    request.getRequestURI().substring(request.getContextPath().length());
            if (!"POST".equals(request.getMethod()) || !path.equals(within)) {
                return null;
            }
            String username = request.getParameter("username");
            return username == null ? "" : username;
        };
    }

    /** 429 as {@code application/problem+json}, for an API. */
    public static Refusal problemJson() {
        return (request, response, seconds) -> {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Too many failed sign-ins\","
                            + "\"status\":429,\"detail\":\"Too many failed sign-ins for this username or from this address. "
                            + "Try again in " + seconds + " seconds.\",\"retryAfterSeconds\":" + seconds + "}");
        };
    }

    /**
     * 429 with the sign-in page at {@code path}, forwarded to with {@link #RETRY_AFTER_ATTRIBUTE} set so that it can
     * say why. Forwarded as a GET: a forwarded POST to the sign-in path would be a second sign-in attempt to the
     * security filters, which also see forwards.
     */
    public static Refusal page(String path) {
        return (request, response, seconds) -> {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            request.setAttribute(RETRY_AFTER_ATTRIBUTE, seconds);
            request.getRequestDispatcher(path)
                    .forward(
                            new HttpServletRequestWrapper(request) {
                                @Override
                                public String getMethod() {
                                    return "GET";
                                }
                            },
                            response);
        };
    }

    /** Whole minutes to wait, rounded up, as a sign-in page says it. */
    public static long minutes(long seconds) {
        return Math.max(1, (seconds + 59) / 60);
    }

    private long waitFor(String key, int max, Instant now) {
        Window known = failures.get(key);
        if (known == null || known.count() < max || known.endsBefore(now, window)) {
            return 0;
        }
        long millis = Duration.between(now, known.start().plus(window)).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private void count(String key, Instant now) {
        failures.compute(
                key,
                (k, known) -> known == null || known.endsBefore(now, window)
                        ? new Window(now, 1)
                        : new Window(known.start(), known.count() + 1));
    }

    private static String userKey(String username) {
        return "user:" + (username == null ? "" : SignedInUser.canonical(username));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private record Window(Instant start, int count) {
        boolean endsBefore(Instant now, Duration window) {
            return !now.isBefore(start.plus(window));
        }
    }
}
