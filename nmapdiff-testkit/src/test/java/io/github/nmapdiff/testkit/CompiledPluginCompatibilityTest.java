package io.github.nmapdiff.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nmapdiff.core.run.Monitor;
import io.github.nmapdiff.core.run.MonitorReport;
import io.github.nmapdiff.core.spi.Notifier;
import io.github.nmapdiff.core.spi.RetentionPolicy;
import io.github.nmapdiff.core.spi.RunKind;
import io.github.nmapdiff.core.spi.ScanEngine;
import io.github.nmapdiff.core.spi.SnapshotStore;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A store, an engine and a notifier compiled against the 0.1.0 API (the jar is kept in the
 * repository; {@code src/test/compat/build.sh} made it) still link and work with this
 * version: what the compatibility rules promise, checked on every build until japicmp can
 * compare with a released version.
 */
class CompiledPluginCompatibilityTest {

    @Test
    void aPluginCompiledAgainstTheFirstApiStillLinksAndRuns() throws Exception {
        URL jar = getClass().getResource("/compat/plugin-0.1.0.jar");
        assertThat(jar).as("the compiled plugin").isNotNull();
        try (URLClassLoader plugin = new URLClassLoader(new URL[] {jar}, getClass().getClassLoader())) {
            SnapshotStore store = (SnapshotStore) make(plugin, "CompatStore");
            ScanEngine engine = (ScanEngine) make(plugin, "CompatEngine");
            Notifier notifier = (Notifier) make(plugin, "CompatNotifier");
            Monitor monitor = Monitor.builder().engine(engine).store(store).notifier(notifier).targets(List.of("192.0.2.10"))
                    .retention(RetentionPolicy.keepLast(2)).build();

            MonitorReport first = monitor.run();
            MonitorReport second = monitor.run();
            MonitorReport third = monitor.run();

            assertThat(first.kind()).isEqualTo(RunKind.BASELINE);
            assertThat(first.snapshot().arguments()).containsExactly("--compat");
            assertThat(second.kind()).isEqualTo(RunKind.CHANGES);
            assertThat(third.kind()).isEqualTo(RunKind.NO_CHANGES);
            assertThat(third.removed()).containsExactly(first.snapshot().id());
            assertThat(store.get(second.snapshot().id()).orElseThrow().summary()).isEqualTo(second.summary());
            assertThat(notifier.toString().lines()).hasSize(2).satisfies(lines -> {
                assertThat(lines.get(0)).startsWith("BASELINE baseline recorded: 1 host");
                assertThat(lines.get(1)).startsWith("CHANGES [high] 5432/tcp opened on 192.0.2.10 c2").contains(" vs c1 ")
                        .contains(" opened ");
            });
        }
    }

    private static Object make(ClassLoader loader, String name) throws ReflectiveOperationException {
        return loader.loadClass("io.github.nmapdiff.compat." + name).getConstructor().newInstance();
    }
}
