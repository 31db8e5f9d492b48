package io.github.nmapdiff.examples.webhook;

import io.github.nmapdiff.core.NmapDiffException;
import io.github.nmapdiff.core.render.DiffJson;
import io.github.nmapdiff.core.spi.Delivery;
import io.github.nmapdiff.core.spi.Notification;
import io.github.nmapdiff.core.spi.Notifier;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * An example notifier plugin: POSTs the JSON diff ({@code nmapdiff diff --json}'s document) to
 * a URL, as chat tools and ticket systems take it. Runs that compared nothing (a baseline, a
 * changed scope) send nothing.
 *
 * <p>It keeps nothing when the server is down: it throws, and the run's report names it. A
 * plugin that must not lose notifications keeps them, as the mail notifier's outbox does.
 */
public final class WebhookNotifier implements Notifier {
    private final URI url;
    private final HttpClient client;
    private final Duration timeout;

    /**
     * Creates the notifier.
     *
     * @param url where to POST, http or https; never null
     * @param timeout how long to wait for the server; never null
     */
    public WebhookNotifier(URI url, Duration timeout) {
        this.url = Objects.requireNonNull(url, "url");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public Delivery send(Notification notification) {
        if (notification.ndiff() == null) {
            return Delivery.SKIPPED;
        }
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "nmapdiff")
                .POST(HttpRequest.BodyPublishers.ofString(DiffJson.render(notification.ndiff(), notification.triage())))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new NmapDiffException("the webhook " + url + " answered HTTP " + response.statusCode());
            }
            return Delivery.DELIVERED;
        } catch (IOException e) {
            throw new NmapDiffException("cannot reach the webhook " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NmapDiffException("interrupted while calling the webhook " + url, e);
        }
    }
}
