/**
 * What plugin authors need and would otherwise write again: files written whole or not at all
 * ({@link io.github.nmapdiff.core.support.AtomicFiles}), and the other helpers of this package.
 * Public and documented like the rest of the API.
 */
@NullMarked
package io.github.nmapdiff.core.support;

import org.jspecify.annotations.NullMarked;
