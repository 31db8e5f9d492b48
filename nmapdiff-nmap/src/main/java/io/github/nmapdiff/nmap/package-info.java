/**
 * Runs nmap: {@link io.github.nmapdiff.nmap.NmapScanner}, its {@link io.github.nmapdiff.nmap.NmapOptions},
 * the targets file parser {@link io.github.nmapdiff.nmap.Targets}, and the exceptions that say
 * why a scan could not run.
 */
@NullMarked
package io.github.nmapdiff.nmap;

import org.jspecify.annotations.NullMarked;
