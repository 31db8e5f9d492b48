/** The example app, which is also the {@code nmapdiff} command line. */
package io.github.nmapdiff.examples;
