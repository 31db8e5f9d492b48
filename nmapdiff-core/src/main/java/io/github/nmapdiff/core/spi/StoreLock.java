package io.github.nmapdiff.core.spi;

/** Exclusive use of a store by one run; closing it lets the next run in. */
public interface StoreLock extends AutoCloseable {
    /** Releases the lock; idempotent. */
    @Override
    void close();
}
