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
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the product's e-mails over SMTP when {@code spring.mail.host} is set; otherwise writes each as an .eml
 * file to the outbox folder, so the demo run needs no mail server and a person can open what would have been sent.
 * A failure is thrown to the caller: the engine retries the job and raises an incident when retries run out.
 */
@Component
public class MailGateway {

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

    public void send(List<String> to, String subject, String body) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("A mail needs at least one recipient: " + subject);
        }
        JavaMailSender sender = smtp.getIfAvailable();
        try {
            MimeMessage message = sender != null ? sender.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            for (String recipient : to) {
                message.addRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
            }
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(new Date());
            if (sender != null) {
                sender.send(message);
                log.info("Mail '{}' sent to {} recipient(s)", subject, to.size());
            } else {
                writeToOutbox(message, subject);
            }
        } catch (MessagingException | IOException e) {
            throw new MailDeliveryException("Mail '" + subject + "' could not be delivered: " + e.getMessage(), e);
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
