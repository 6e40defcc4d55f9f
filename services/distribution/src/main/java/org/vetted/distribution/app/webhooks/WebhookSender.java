package org.vetted.distribution.app.webhooks;

import java.net.URI;
import java.util.Map;

/**
 * Sends one webhook attempt. The adapter resolves the host, refuses addresses the policy refuses, connects to the
 * address it checked, follows no redirect and gives up after short timeouts.
 */
public interface WebhookSender {
    Result send(URI url, Map<String, String> headers, String body);

    /** The receiver's status, or 0 and why no response came (refused address, timeout, connection refused). */
    record Result(int status, String error) {
        public static Result status(int status) {
            return new Result(status, null);
        }

        public static Result failed(String error) {
            return new Result(0, error);
        }

        public boolean received() {
            return status >= 200 && status < 300;
        }
    }
}
