/** The benchmark of {@code nmapdiff diff} against ndiff, with its scan pair generator and the StAX floor. */
package io.github.nmapdiff.examples.bench;
