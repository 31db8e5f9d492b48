/**
 * The model of an nmap scan: immutable records, one per element of nmap's XML output that a
 * user or a diff needs, and enums for nmap's closed vocabularies.
 *
 * <p>Every type here is immutable and thread-safe. Lists are never null; scalar fields are
 * null where nmap's XML has no such attribute, as each record's documentation says.
 */
@NullMarked
package io.github.nmapdiff.core.model;

import org.jspecify.annotations.NullMarked;
