package eu.infosharing.governance.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the product's e-mails over SMTP when {@code spring.mail.host} is set; otherwise writes each as an .eml
 * file to the outbox folder, so the demo run needs no mail server and a person can open what would have been sent.
 * A failure is thrown to the caller: the engine retries the job and raises an incident when retries run out.
 */
@Component
public class MailGateway {

    /** The header that carries a notification's reference, so the recipient's systems recognise a resend as the same. */
    public static final String REFERENCE_HEADER = "X-Notification-Reference";
    public static final String MESSAGE_ID_HEADER = "Message-ID";

    private static final Logger log = LoggerFactory.getLogger(MailGateway.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ObjectProvider<JavaMailSender> smtp;
    private final String from;
    private final Path outbox;

    public MailGateway(ObjectProvider<JavaMailSender> smtp,
                       @Value("${governance.mail.from}") String from,
                       @Value("${governance.mail.outbox-dir}") Path outbox) {
        this.smtp = smtp;
        this.from = from;
        this.outbox = outbox;
    }

    /** A file sent with a mail, such as a notification letter. */
    public record Attachment(String fileName, String contentType, byte[] content) {
    }

    /** A mail; headers are added as given (e.g. the notification reference, for the recipient's systems). */
    public record Mail(List<String> to, String subject, String body, List<Attachment> attachments, Map<String, String> headers) {

        public Mail(List<String> to, String subject, String body) {
            this(to, subject, body, List.of(), Map.of());
        }
    }

    /**
     * A Message-ID that is the same every time a mail about this key is sent (e.g. a notification's reference): a
     * mail sent again after a crash can be recognised by its receiver as the one it already has.
     */
    public String stableMessageId(String key) {
        String domain = from.replaceAll(".*@", "").replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + key.replaceAll("[^A-Za-z0-9.-]", "-") + "@" + (domain.isEmpty() ? "governance.local" : domain) + ">";
    }

    public void send(List<String> to, String subject, String body) {
        send(new Mail(to, subject, body));
    }

    /** Sends the mail and answers its Message-ID, the evidence of what went out. */
    public String send(Mail mail) {
        if (mail.to().isEmpty()) {
            throw new IllegalArgumentException("A mail needs at least one recipient: " + mail.subject());
        }
        JavaMailSender sender = smtp.getIfAvailable();
        try {
            MimeMessage message = sender != null ? sender.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper helper = new MimeMessageHelper(message, !mail.attachments().isEmpty(), "UTF-8");
            helper.setFrom(new InternetAddress(from));
            helper.setTo(mail.to().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            helper.setSentDate(new Date());
            for (Attachment a : mail.attachments()) {
                helper.addAttachment(a.fileName(), new ByteArrayResource(a.content()), a.contentType());
            }
            for (Map.Entry<String, String> header : mail.headers().entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges(); // assigns the Message-ID we keep as evidence
            String stable = mail.headers().get(MESSAGE_ID_HEADER);
            if (stable != null) {
                // saveChanges replaced it; the mail sender keeps a Message-ID that is set when it sends
                message.setHeader(MESSAGE_ID_HEADER, stable);
            }
            String messageId = message.getMessageID();
            if (sender != null) {
                sender.send(message);
                log.info("Mail '{}' sent to {} recipient(s)", mail.subject(), mail.to().size());
            } else {
                writeToOutbox(message, mail.subject());
            }
            return messageId;
        } catch (MessagingException | IOException | MailException e) {
            throw new MailDeliveryException("Mail '" + mail.subject() + "' could not be delivered: " + e.getMessage(), e);
        }
    }

    private void writeToOutbox(MimeMessage message, String subject) throws IOException, MessagingException {
        Files.createDirectories(outbox);
        Path file = outbox.resolve(FILE_TIME.format(Instant.now()) + "-" + UUID.randomUUID().toString().substring(0, 8) + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        }
        log.info("Mail '{}' written to {}", subject, file.toAbsolutePath());
    }

    public Path outbox() {
        return outbox;
    }
}
