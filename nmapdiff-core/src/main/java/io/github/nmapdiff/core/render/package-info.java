/**
 * Renderings of a {@link io.github.nmapdiff.core.diff.ScanDiff}: ndiff's text and XML, byte for
 * byte, a versioned JSON document, and a one-line summary.
 */
@NullMarked
package io.github.nmapdiff.core.render;

import org.jspecify.annotations.NullMarked;
