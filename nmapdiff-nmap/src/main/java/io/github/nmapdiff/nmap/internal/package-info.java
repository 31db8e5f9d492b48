/** Implementation details of the nmap runner; nothing here is API. */
@NullMarked
package io.github.nmapdiff.nmap.internal;

import org.jspecify.annotations.NullMarked;
