/** The mail notifier: {@link io.github.nmapdiff.notify.mail.MailNotifier} and its {@link io.github.nmapdiff.notify.mail.MailConfig}. */
package io.github.nmapdiff.notify.mail;
