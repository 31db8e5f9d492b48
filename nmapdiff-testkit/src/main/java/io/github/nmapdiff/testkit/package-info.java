/**
 * The store and notifier contracts (JUnit 5) and the sample scans and notifications they use.
 * Nothing here takes or returns null unless it says so with {@code @Nullable}.
 */
@NullMarked
package io.github.nmapdiff.testkit;

import org.jspecify.annotations.NullMarked;
