/**
 * What plugins implement: {@link io.github.nmapdiff.core.spi.ScanEngine} runs scans. Every
 * interface here grows only by {@code default} methods.
 */
@NullMarked
package io.github.nmapdiff.core.spi;

import org.jspecify.annotations.NullMarked;
