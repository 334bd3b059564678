package eu.infosharing.governance.engine;

import eu.infosharing.governance.identity.AdminCredentials;
import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The prod profile refuses to start without a first administrator from the environment, or with a weak password:
 * checked before any bean exists, so the engine never creates a user with a default or guessable password.
 */
@Configuration(proxyBeanMethods = false)
@Profile("prod")
public class ProductionSafety {

    @Bean
    static BeanFactoryPostProcessor adminCredentialsCheck(Environment environment) {
        return beanFactory -> {
            List<String> problems = AdminCredentials.problems(environment.getProperty("GOVERNANCE_ADMIN_USER", "admin"),
                    environment.getProperty("GOVERNANCE_ADMIN_PASSWORD"));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("The prod profile needs a first administrator: " + String.join("; ", problems)
                        + ". Set GOVERNANCE_ADMIN_USER and GOVERNANCE_ADMIN_PASSWORD in the environment.");
            }
        };
    }
}
