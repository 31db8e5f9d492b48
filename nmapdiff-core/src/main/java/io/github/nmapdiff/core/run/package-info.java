/**
 * The nightly job: {@link io.github.nmapdiff.core.run.Monitor} runs it once with the parts you
 * choose (a scan engine, a store, notifiers), and {@link io.github.nmapdiff.core.run.MonitorReport}
 * says what it did. The top of the core: it uses every other package, and none uses it.
 */
@NullMarked
package io.github.nmapdiff.core.run;

import org.jspecify.annotations.NullMarked;
