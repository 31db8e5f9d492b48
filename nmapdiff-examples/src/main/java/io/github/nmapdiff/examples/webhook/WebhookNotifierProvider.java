package io.github.nmapdiff.examples.webhook;

import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.NotifierProvider;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Makes a {@link WebhookNotifier} when {@code webhook.url} is set (in the {@code --config} file,
 * or as the environment variable {@code NMAPDIFF_WEBHOOK_URL}); {@code webhook.timeout.seconds}
 * sets its timeout (10 by default). Found by {@link ServiceLoader} through
 * {@code META-INF/services/NotifierProvider}.
 */
public final class WebhookNotifierProvider implements NotifierProvider {

    /** The public no-argument constructor ServiceLoader needs. */
    public WebhookNotifierProvider() {
    }

    @Override
    public String id() {
        return "webhook";
    }

    @Override
    public Optional<Notifier> create(NotifierConfig config) {
        Optional<String> url = config.string("webhook.url");
        if (url.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(url.get());
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("webhook.url must be an http or https URL, not '" + url.get() + "'");
        }
        int seconds = config.integer("webhook.timeout.seconds").orElse(10);
        return Optional.of(new WebhookNotifier(uri, Duration.ofSeconds(seconds)));
    }
}
