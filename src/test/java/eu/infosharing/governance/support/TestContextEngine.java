package eu.infosharing.governance.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Engine REST and the webapps find their engine by name ("default") in Camunda's JVM-wide registry, which holds the
 * engine of the context that started last. Several cached test contexts each have a "default" engine, on PostgreSQL
 * each with a database of its own: a test class that reuses a context cached earlier would otherwise reach another
 * context's engine through HTTP (users unknown: 401). Before each test class's instance is used, the engine of its
 * context is made the registered one. Registered for every Spring test in META-INF/spring.factories.
 */
public class TestContextEngine extends AbstractTestExecutionListener {

    @Override
    public void prepareTestInstance(TestContext testContext) {
        ApplicationContext context = testContext.getApplicationContext();
        context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
    }
}
