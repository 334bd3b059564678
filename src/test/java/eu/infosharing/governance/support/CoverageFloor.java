package eu.infosharing.governance.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The build fails when a process test class leaves a flow node or sequence flow of its models unwalked.
 * Reports: target/process-test-coverage/.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CoverageFloor {

    public static final double FLOOR = 1.0;

    /**
     * A test class that reaches a called model only to hand over to it (onboarding starting authority-notification)
     * names it in {@code governance.test.coverage-excluded}; that model's own test class walks all of it.
     */
    @Bean
    @Primary // the coverage configuration defines a default one; its listener looks the bean up by type
    ProcessEngineCoverageProperties coverageProperties(@Value("${governance.test.coverage-excluded:}") String[] excluded) {
        return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(FLOOR)
                .excludeProcessDefinitionKeys(excluded).build();
    }
}
