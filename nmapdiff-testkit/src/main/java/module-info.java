/**
 * For the tests of stores, notifiers and applications built on nmapdiff: the store and
 * notifier contracts (JUnit 5), an in-memory store, a scripted scan engine, a recording
 * notifier, sample scans and notifications.
 */
module io.github.nmapdiff.testkit {
    requires transitive io.github.nmapdiff.core;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;

    exports io.github.nmapdiff.testkit;

    // JUnit runs the contracts' test methods by reflection
    opens io.github.nmapdiff.testkit to org.junit.platform.commons;
}
