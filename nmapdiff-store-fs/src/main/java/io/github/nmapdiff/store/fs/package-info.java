/** The filesystem snapshot store: {@link io.github.nmapdiff.store.fs.FileSystemSnapshotStore}. */
@NullMarked
package io.github.nmapdiff.store.fs;

import org.jspecify.annotations.NullMarked;
