package eu.infosharing.governance.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
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

    @Bean
    @Primary // the coverage configuration defines a default one; its listener looks the bean up by type
    ProcessEngineCoverageProperties coverageProperties() {
        return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(FLOOR).build();
    }
}
