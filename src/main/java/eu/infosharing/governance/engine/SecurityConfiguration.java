package eu.infosharing.governance.engine;

import eu.infosharing.governance.identity.CamundaUserAuthenticationProvider;
import eu.infosharing.governance.identity.CrossSiteWriteFilter;
import eu.infosharing.governance.identity.EngineAuthenticationFilter;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains. The Camunda webapps (their own login and CSRF) and engine REST (Camunda's Basic
 * authentication filter below) are left to Camunda; our API and its documentation need HTTP Basic against
 * the Camunda users. Nothing under /api or /engine-rest answers anonymously.
 */
@Configuration
public class SecurityConfiguration {

    /** JSON and PDFs, and Swagger UI's own scripts and styles: nothing else may load or frame these pages. */
    static final String API_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain camundaChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(
                        path.matcher("/camunda/**"), path.matcher("/engine-rest/**"), path.matcher("/"),
                        path.matcher("/actuator/health"), path.matcher("/favicon.ico"),
                        // public libraries and the audit page's script: code, no data
                        path.matcher("/webjars/**"), path.matcher("/audit-assets/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                // the webapps protect themselves with Camunda's CSRF filter; engine REST is stateless Basic, which a
                // browser replays on its own: writes a browser marks as cross-site are refused on both, as on our API
                .csrf(c -> c.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), org.springframework.security.web.header.HeaderWriterFilter.class)
                // nosniff and frame denial here; the webapps' content security policy comes from Camunda's own
                // header filter (camunda.bpm.webapp.header-security), which knows what its pages need
                .headers(h -> h.frameOptions(f -> f.deny()).contentTypeOptions(c -> { }));
        return http.build();
    }

    /**
     * The Apply to join pages and their API, open to anybody: no login and no session; writes a browser marks as
     * cross-site are refused, so another site cannot make a visitor's browser apply, verify or set a password.
     */
    @Bean
    @Order(2)
    SecurityFilterChain joinChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(path.matcher("/join"), path.matcher("/join/**"),
                        path.matcher("/api/account-requests"), path.matcher("/api/account-requests/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new CrossSiteWriteFilter(), org.springframework.security.web.header.HeaderWriterFilter.class)
                .headers(h -> h.frameOptions(f -> f.deny()).contentTypeOptions(c -> { })
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP)));
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain apiChain(HttpSecurity http, IdentityService identityService) throws Exception {
        http.authenticationProvider(new CamundaUserAuthenticationProvider(identityService))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName("Arrangement Governance"))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic authentication: no session cookie; writes a browser sends from another site are refused
                .csrf(c -> c.disable())
                .headers(h -> h.frameOptions(f -> f.deny()).contentTypeOptions(c -> { })
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP)))
                .addFilterBefore(new CrossSiteWriteFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Engine REST requires HTTP Basic against the Camunda users (it is open to anyone by default). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, HttpBasicAuthenticationProvider.class.getName()));
        return registration;
    }
}
