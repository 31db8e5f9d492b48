/**
 * The diff of two scans: {@link io.github.nmapdiff.core.diff.ScanDiff#between} computes it with
 * the semantics of nmap's {@code ndiff}, and {@link io.github.nmapdiff.core.diff.Change} lists
 * what changed as typed values. Everything here is pure and immutable.
 */
@NullMarked
package io.github.nmapdiff.core.diff;

import org.jspecify.annotations.NullMarked;
