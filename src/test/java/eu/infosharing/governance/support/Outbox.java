package eu.infosharing.governance.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The mails a test run wrote to the outbox folder (.eml files, named by time), read as a person reads them. */
public final class Outbox {

    private Outbox() {
    }

    /** A mail as read: its subject and its text. */
    public record Mail(String subject, String body) {

        /** The link in the text that starts with this (e.g. "http://localhost:8080/join/verify?token="). */
        public String link(String startingWith) {
            Matcher m = Pattern.compile(Pattern.quote(startingWith) + "[A-Za-z0-9_\\-]+").matcher(body);
            if (!m.find()) {
                throw new AssertionError("No link " + startingWith + " in: " + body);
            }
            return m.group();
        }
    }

    /** Every mail to this address, oldest first (the folder outlives a run: compare counts before and after). */
    public static List<Mail> to(Path outbox, String address) {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.sorted(java.util.Comparator.comparing(Outbox::modified)).map(Outbox::read).filter(r -> r.to().contains(address)).map(Read::mail).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The last mail to this address. */
    public static Mail last(Path outbox, String address) {
        List<Mail> mails = to(outbox, address);
        if (mails.isEmpty()) {
            throw new AssertionError("No mail to " + address);
        }
        return mails.get(mails.size() - 1);
    }

    /** Every mail of the test profile's outbox (target/test-outbox) that names this address, subject and text, concatenated. */
    public static String mailTo(String address) {
        try (Stream<Path> files = Files.list(Path.of("target/test-outbox"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                if (Files.readString(f).contains(address)) {
                    Mail mail = read(f).mail();
                    all.append(mail.subject()).append('\n').append(mail.body()).append('\n');
                }
            }
            return all.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Read(List<String> to, Mail mail) {
    }

    private static Read read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            List<String> to = message.getRecipients(Message.RecipientType.TO) == null ? List.of()
                    : Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(String::valueOf).toList();
            Object content = message.getContent();
            return new Read(to, new Mail(message.getSubject(), content instanceof String s ? s : String.valueOf(content)));
        } catch (IOException | MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
