package eu.infosharing.governance.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** With an SMTP server configured, mails go over SMTP (a real one, GreenMail, inside the test). */
class MailGatewaySmtpTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Test
    void sendsOverSmtpToEveryContactInUtf8() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(ServerSetupTest.SMTP.getPort());
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        MailGateway gateway = new MailGateway(beans.getBeanProvider(JavaMailSender.class),
                "Arrangement Governance <no-reply@governance.test>", Path.of("target/unused-outbox"));

        gateway.send(List.of("a@member.example", "b@member.example"), "Votre demande a été refusée", "Motif : règles");

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2);
        assertThat(received[0].getSubject()).isEqualTo("Votre demande a été refusée");
        assertThat(GreenMailUtil.getBody(received[0])).isNotBlank();
        assertThat(received[0].getFrom()[0].toString()).contains("no-reply@governance.test");
    }

    /**
     * The gateway does not swallow a failed delivery: it throws its own exception naming the mail, so the calling
     * job fails and the engine retries it (proved by
     * MembershipOnboardingProcessTest.aMailServerThatIsDownIsRetriedByTheEngineUntilAnIncidentThenDeliveredOnRetry).
     */
    @Test
    void aMailServerThatIsDownIsAMailDeliveryExceptionNamingTheMail() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(1); // nothing listens there
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("mailSender", sender);
        MailGateway gateway = new MailGateway(beans.getBeanProvider(JavaMailSender.class), "x@governance.test",
                Path.of("target/unused-outbox"));

        assertThatThrownBy(() -> gateway.send(List.of("a@member.example"), "Your application", "b"))
                .isInstanceOf(MailDeliveryException.class)
                .hasMessageStartingWith("Mail 'Your application' could not be delivered")
                .hasCauseInstanceOf(MailException.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
