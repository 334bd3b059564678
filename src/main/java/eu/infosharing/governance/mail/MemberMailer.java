package eu.infosharing.governance.mail;

import org.springframework.stereotype.Component;

/**
 * Writes to a member organisation's contact persons: renders a {@link MemberMail} in the organisation's language from
 * its template under mail/, with the Tasklist link where the text has one, and sends it with its attachments. A failed
 * delivery is thrown ({@link MailDeliveryException}): the calling job fails and the engine retries it.
 */
@Component
public class MemberMailer {

    private final MailGateway gateway;
    private final PublicLinks links;

    public MemberMailer(MailGateway gateway, PublicLinks links) {
        this.gateway = gateway;
        this.links = links;
    }

    /** Sends the mail and answers its Message-ID. */
    public String send(MemberMail mail) {
        MailTemplates.Text text = MailTemplates.render(mail.bundle(), mail.template(), mail.to().locale(),
                mail.arguments(links.tasklist()));
        return gateway.send(new MailGateway.Mail(mail.to().emails(), text.subject(), text.body(), mail.attachments(),
                mail.headers()));
    }
}
