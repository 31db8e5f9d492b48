/** An example notifier plugin: a webhook that receives the JSON diff. */
package io.github.nmapdiff.examples.webhook;
