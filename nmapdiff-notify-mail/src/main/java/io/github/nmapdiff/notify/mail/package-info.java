/** The mail notifier: {@link io.github.nmapdiff.notify.mail.MailNotifier} and its {@link io.github.nmapdiff.notify.mail.MailConfig}. */
@NullMarked
package io.github.nmapdiff.notify.mail;

import org.jspecify.annotations.NullMarked;
