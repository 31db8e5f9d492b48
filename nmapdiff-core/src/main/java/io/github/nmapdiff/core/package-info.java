/**
 * nmapdiff's core: the exceptions every module shares; the model of an nmap scan lives in
 * {@link io.github.nmapdiff.core.model}, its XML form in {@link io.github.nmapdiff.core.xml}.
 *
 * <p>Packages named {@code internal} are not part of the API and may change at any time.
 */
package io.github.nmapdiff.core;
