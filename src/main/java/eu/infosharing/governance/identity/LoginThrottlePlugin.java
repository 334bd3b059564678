package eu.infosharing.governance.identity;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Installs the {@link ThrottledIdentityProvider} as the engine's user store and tells it who the client is. */
@Configuration
public class LoginThrottlePlugin extends AbstractProcessEnginePlugin {

    public LoginThrottlePlugin(@Value("${governance.login.delay-base:PT3S}") Duration base,
                               @Value("${governance.login.delay-max:PT60S}") Duration max) {
        LoginThrottle.configure(base, max);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new GenericManagerFactory(ThrottledIdentityProvider.class));
    }

    /** First of all filters: every door that checks a password runs after it. */
    @Bean
    FilterRegistrationBean<ClientAddress> clientAddressFilter() {
        FilterRegistrationBean<ClientAddress> registration = new FilterRegistrationBean<>(new ClientAddress());
        registration.setName("client-address");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}
