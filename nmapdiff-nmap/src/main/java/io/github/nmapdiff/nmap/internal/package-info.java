/** Implementation details of the nmap runner; nothing here is API. */
package io.github.nmapdiff.nmap.internal;
