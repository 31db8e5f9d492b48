package io.github.nmapdiff.examples;

import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.NotifierConfig;
import io.github.nmapdiff.core.spi.NotifierProvider;
import java.util.Optional;

/** A broken plugin for the tests: it fails when asked for its notifier. */
public final class ThrowingNotifierProvider implements NotifierProvider {
    @Override
    public String id() {
        return "throwing";
    }

    @Override
    public Optional<Notifier> create(NotifierConfig config) {
        throw new IllegalStateException("this plugin is broken on purpose");
    }
}
