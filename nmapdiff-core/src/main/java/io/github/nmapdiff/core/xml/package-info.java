/**
 * nmap's XML output format: {@link io.github.nmapdiff.core.xml.NmapXmlReader} reads it, whole
 * or one host at a time, and {@link io.github.nmapdiff.core.xml.NmapXmlWriter} writes it.
 */
@NullMarked
package io.github.nmapdiff.core.xml;

import org.jspecify.annotations.NullMarked;
