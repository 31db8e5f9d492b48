/**
 * nmapdiff's core: the exceptions every module shares, at the bottom of the core. The model of
 * an nmap scan and of what the job reports lives in {@link io.github.nmapdiff.core.model}, its
 * XML form in {@link io.github.nmapdiff.core.xml}, the diff in {@link io.github.nmapdiff.core.diff},
 * the plugin interfaces in {@link io.github.nmapdiff.core.spi} and the job in
 * {@link io.github.nmapdiff.core.run}.
 *
 * <p>Packages named {@code internal} are not part of the API and may change at any time.
 */
@NullMarked
package io.github.nmapdiff.core;

import org.jspecify.annotations.NullMarked;
