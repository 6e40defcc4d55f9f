package org.vetted.distribution.messaging.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.vetted.distribution.app.webhooks.HostResolver;
import org.vetted.distribution.app.webhooks.WebhookSender;
import org.vetted.distribution.domain.webhooks.AddressPolicy;

/**
 * Sends webhooks with Apache HttpClient 5. The host is resolved here and every address it resolves to is judged by
 * the {@link AddressPolicy}; the connection then goes to the address judged (the target carries it, the URL's host
 * name stays for TLS and the Host header), so a DNS answer that changes between the check and the connection
 * (rebinding) changes nothing. The client's own resolver refuses too, in case anything resolves again. No redirect
 * is followed (a 3xx is a failed attempt), nothing is retried by the client, no proxy or cookie is used; connect and
 * read timeouts are short and a whole attempt is cancelled after {@code total}. The response body is not read.
 */
public class HttpWebhookSender implements WebhookSender, AutoCloseable {
    private final HostResolver resolver;
    private final AddressPolicy policy;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    private final Duration total;

    public HttpWebhookSender(
            HostResolver resolver,
            AddressPolicy policy,
            Duration connectTimeout,
            Duration readTimeout,
            Duration total,
            int maxConnections) {
        this.resolver = resolver;
        this.policy = policy;
        this.total = total;
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(2)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setRedirectsEnabled(false)
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Vetted-Webhooks/1")
                .build();
    }

    @Override
    public Result send(URI url, Map<String, String> headers, String body) {
        String host = bare(url.getHost());
        InetAddress address;
        try {
            List<InetAddress> addresses = resolver.resolve(host);
            Optional<String> refused = policy.refusal(addresses);
            if (refused.isPresent()) {
                return Result.failed("refused address: " + refused.get());
            }
            address = addresses.get(0);
        } catch (UnknownHostException e) {
            return Result.failed("the host does not resolve");
        }
        int port = url.getPort() != -1 ? url.getPort() : url.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        HttpHost target = new HttpHost(url.getScheme().toLowerCase(java.util.Locale.ROOT), address, host, port);
        HttpPost post = new HttpPost(url);
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, total.toMillis(), TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(target, post, null);
            return Result.status(response.getCode());
        } catch (IOException | RuntimeException e) {
            return Result.failed(
                    deadline.isDone()
                            ? "no answer within " + total.toSeconds() + " s"
                            : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            deadline.cancel(false);
            // The body is not ours to read: drop the connection rather than drain whatever the receiver sends.
            post.cancel();
            closeQuietly(response);
        }
    }

    private static void closeQuietly(ClassicHttpResponse response) {
        if (response != null) {
            try {
                response.close();
            } catch (IOException | RuntimeException ignored) {
                // the connection is discarded either way
            }
        }
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        client.close();
    }

    /** Any resolution the client makes itself meets the same policy. */
    private final class GuardedResolver implements DnsResolver {
        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            List<InetAddress> addresses = resolver.resolve(bare(host));
            Optional<String> refused = policy.refusal(addresses);
            if (refused.isPresent()) {
                throw new UnknownHostException("refused address: " + refused.get());
            }
            return addresses.toArray(InetAddress[]::new);
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return host;
        }
    }
}
