package eu.infosharing.governance.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the product where to go, and in the demo run with which logins. */
@Component
public class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment environment;
    private final boolean demo;
    private final String outbox;

    public StartupBanner(Environment environment, @Value("${governance.demo.enabled:false}") boolean demo,
                         @Value("${governance.mail.outbox-dir}") String outbox) {
        this.environment = environment;
        this.demo = demo;
        this.outbox = outbox;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void print() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        StringBuilder b = new StringBuilder("\n\n  Arrangement Governance is running\n")
                .append("  Tasklist:   ").append(base).append("/camunda/app/tasklist/\n")
                .append("  Cockpit:    ").append(base).append("/camunda/app/cockpit/\n")
                .append("  Audit view: ").append(base).append("/audit\n")
                .append("  Join:       ").append(base).append("/join (Apply to join: public, for newcomers)\n")
                .append("  API docs:   ").append(base).append("/swagger-ui.html\n");
        if (demo) {
            b.append("  Demo logins (password = user name, demo profile only): coordinator, dpo, legal, auditor, admin,\n")
                    .append("              alice (Acme Bank NV), bob (Northsea Energy NV)\n");
            if (environment.getProperty("spring.mail.host", "").isBlank()) {
                b.append("  Mails are written as .eml files to: ").append(outbox).append("\n");
            }
        }
        log.info(b.toString());
    }
}
