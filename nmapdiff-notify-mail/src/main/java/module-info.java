/** Mails what a run found, through SMTP or the local sendmail, with an outbox for what could not be delivered yet. */
module io.github.nmapdiff.notify.mail {
    requires transitive io.github.nmapdiff.core;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;
    requires org.slf4j;

    exports io.github.nmapdiff.notify.mail;
}
