package eu.infosharing.governance.tasklist;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as the browser tests drive it: on a random port, with the demo users, its own H2 database and the
 * job executor running. One set of settings for every browser test, so Spring starts the application once for all.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(properties = {
        "governance.demo.enabled=true",
        "spring.datasource.url=jdbc:h2:mem:governance-browser;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=true",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500"})
@interface BrowserTest {
}
