/** Implementation details of the core; nothing here is API and anything may change. */
@NullMarked
package io.github.nmapdiff.core.internal;

import org.jspecify.annotations.NullMarked;
