package org.vetted.distribution.domain.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a subscription may ask for: an absolute https URL (http only when allowed), naming its host in the plain
 * form (a name, a dotted-quad IPv4 address or a bracketed IPv6 one: no decimal, octal or hexadecimal spellings of an
 * address, which resolvers read differently), without credentials or fragment, of bounded length; and one or more
 * known event types. Where the host may point is {@link AddressPolicy}'s question, asked once it is resolved.
 */
public record SubscriptionRules(boolean allowHttp) {
    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_EVENTS = EventType.values().length;
    public static final int MAX_EVENT_NAME_LENGTH = 64;

    private static final Pattern NUMERIC_HOST = Pattern.compile("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*\\.?$");
    private static final Pattern DOTTED_QUAD = Pattern.compile(
            "^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$");
    private static final Pattern HOST_NAME =
            Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?$");

    /** A request whose fields are read and judged: the URI and event types, or the problems found. */
    public record Checked(URI url, Set<EventType> events, List<FieldProblem> problems) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Checked check(String url, List<String> events) {
        List<FieldProblem> problems = new ArrayList<>();
        URI uri = checkUrl(url, problems);
        Set<EventType> types = checkEvents(events, problems);
        return new Checked(uri, types, List.copyOf(problems));
    }

    private URI checkUrl(String url, List<FieldProblem> problems) {
        if (url == null || url.isBlank()) {
            problems.add(new FieldProblem("url", "is required"));
            return null;
        }
        if (url.length() > MAX_URL_LENGTH) {
            problems.add(new FieldProblem("url", "is longer than " + MAX_URL_LENGTH + " characters"));
            return null;
        }
        if (!url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            problems.add(new FieldProblem(
                    "url", "holds a space, a control or a non-ASCII character (write the host in punycode)"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem("url", "is not a valid URL"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            problems.add(new FieldProblem("url", "must be an absolute https URL"));
            return null;
        }
        if (scheme.equals("http") && !allowHttp) {
            problems.add(new FieldProblem("url", "must use https"));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add(new FieldProblem("url", "must not carry a user name or password"));
            return null;
        }
        if (uri.getRawFragment() != null) {
            problems.add(new FieldProblem("url", "must not have a fragment"));
            return null;
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            problems.add(new FieldProblem("url", "must name a host"));
            return null;
        }
        String lower = host.toLowerCase(Locale.ROOT);
        if (lower.startsWith("[")) {
            return uri; // an IPv6 literal: only one spelling reaches an address, judged once resolved
        }
        if (NUMERIC_HOST.matcher(lower).matches()) {
            if (!DOTTED_QUAD.matcher(lower).matches()) {
                problems.add(new FieldProblem(
                        "url", "names its host as a number in a form other than a.b.c.d (decimal, octal or hex)"));
                return null;
            }
            return uri;
        }
        if (!HOST_NAME.matcher(lower).matches()) {
            problems.add(new FieldProblem("url", "does not name a valid host"));
            return null;
        }
        return uri;
    }

    private static Set<EventType> checkEvents(List<String> events, List<FieldProblem> problems) {
        if (events == null || events.isEmpty()) {
            problems.add(new FieldProblem("events", "must list at least one event type"));
            return Set.of();
        }
        if (events.size() > MAX_EVENTS) {
            problems.add(new FieldProblem("events", "lists more than " + MAX_EVENTS + " event types"));
            return Set.of();
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : events) {
            if (name == null || name.length() > MAX_EVENT_NAME_LENGTH) {
                problems.add(new FieldProblem("events", "holds an empty or overlong name"));
                continue;
            }
            EventType.named(name)
                    .ifPresentOrElse(
                            types::add,
                            () -> problems.add(new FieldProblem("events", "'" + name + "' is not one of " + known())));
        }
        return types;
    }

    /** The known event type names, in order. */
    public static List<String> known() {
        return java.util.Arrays.stream(EventType.values())
                .map(EventType::wireName)
                .toList();
    }
}
