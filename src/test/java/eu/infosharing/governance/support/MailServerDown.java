package eu.infosharing.governance.support;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A mail server that refuses every connection, in place of the outbox while it is open: the product's MailGateway
 * takes the SMTP sender when one is available. Close it to bring the outbox back.
 */
public final class MailServerDown implements AutoCloseable {

    private static final String BEAN = "smtpThatIsDown";

    private final DefaultListableBeanFactory beans;

    private MailServerDown(DefaultListableBeanFactory beans) {
        this.beans = beans;
    }

    public static MailServerDown in(ApplicationContext context) {
        JavaMailSenderImpl down = new JavaMailSenderImpl();
        down.setHost("localhost");
        down.setPort(1); // nothing listens there
        DefaultListableBeanFactory beans = (DefaultListableBeanFactory) context.getAutowireCapableBeanFactory();
        beans.registerSingleton(BEAN, down);
        return new MailServerDown(beans);
    }

    @Override
    public void close() {
        beans.destroySingleton(BEAN);
    }
}
