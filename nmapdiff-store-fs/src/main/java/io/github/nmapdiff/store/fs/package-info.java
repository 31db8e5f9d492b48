/** The filesystem snapshot store: {@link io.github.nmapdiff.store.fs.FileSystemSnapshotStore}. */
package io.github.nmapdiff.store.fs;
