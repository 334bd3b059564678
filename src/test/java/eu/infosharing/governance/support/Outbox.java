package eu.infosharing.governance.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The mails the test profile writes as .eml files to target/test-outbox (governance.mail.outbox-dir). */
public final class Outbox {

    private Outbox() {
    }

    /** All mails written to the outbox for this address, subject and text, concatenated. */
    public static String mailTo(String address) {
        try (Stream<Path> files = Files.list(Path.of("target/test-outbox"))) {
            StringBuilder all = new StringBuilder();
            for (Path f : files.sorted().toList()) {
                if (Files.readString(f).contains(address)) {
                    all.append(decodeMail(f)).append('\n');
                }
            }
            return all.toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String decodeMail(Path f) {
        try (var in = Files.newInputStream(f)) {
            var message = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()), in);
            return message.getSubject() + "\n" + message.getContent();
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
