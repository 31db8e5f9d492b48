/** Implementation details of the core; nothing here is API and anything may change. */
package io.github.nmapdiff.core.internal;
