/**
 * The nightly job's memory of the network: every host and port it has seen in a scope, when
 * first and last, and what it last told people of them; and the triage of each new scan
 * against it, into {@link io.github.nmapdiff.core.model.Finding findings} to report (with a
 * {@link io.github.nmapdiff.core.model.Severity severity}) and changes held back as noise
 * ({@link io.github.nmapdiff.core.model.HeldBack}).
 */
@NullMarked
package io.github.nmapdiff.core.memory;

import org.jspecify.annotations.NullMarked;
