/**
 * The PostgreSQL store: many scanner sites, one history. {@link io.github.nmapdiff.store.jdbc.PostgresStore}
 * is the database, {@link io.github.nmapdiff.store.jdbc.PostgresSnapshotStore} one site's snapshots and memory.
 */
@NullMarked
package io.github.nmapdiff.store.jdbc;

import org.jspecify.annotations.NullMarked;
