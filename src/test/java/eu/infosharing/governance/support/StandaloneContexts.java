package eu.infosharing.governance.support;

import eu.infosharing.governance.GovernanceApplication;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.AdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.CockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.TasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.WelcomeRuntimeDelegate;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * The application started as `java -jar` would, but inside a test: with the profiles and command-line arguments a
 * test gives, for tests that need several contexts or a profile other than "test".
 */
public final class StandaloneContexts {

    private StandaloneContexts() {
    }

    public static ConfigurableApplicationContext run(String[] profiles, String... args) {
        return new SpringApplicationBuilder(GovernanceApplication.class)
                .profiles(profiles)
                // the test fixtures (Members) are wanted; the other test classes' configurations are not
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("skipTestConfigurations", new SkipTestConfigurations()))
                .contextFactory(type -> new AnnotationConfigServletWebServerApplicationContext() {
                    private final Runnable restore = camundaStaticsOfTheOtherContext();

                    @Override
                    protected void doClose() {
                        super.doClose(); // the web server is destroyed in here, and with it the webapps' statics
                        restore.run();
                    }
                })
                .run(args);
    }

    /**
     * Camunda keeps JVM-wide statics that a second application in the same JVM overwrites and clears when it closes:
     * the registry of engines by name (engine REST and the webapps look "default" up there) and the webapps' runtime
     * delegates (Cockpit, Tasklist, Admin, Welcome). A cached test context would then answer "Process engine default
     * not available" on engine REST and fail every webapp request. Taken before this context starts, put back once it
     * has closed.
     */
    private static Runnable camundaStaticsOfTheOtherContext() {
        Map<String, ProcessEngine> engines = new HashMap<>(ProcessEngines.getProcessEngines());
        CockpitRuntimeDelegate cockpit = Cockpit.getRuntimeDelegate();
        TasklistRuntimeDelegate tasklist = Tasklist.getRuntimeDelegate();
        AdminRuntimeDelegate admin = Admin.getRuntimeDelegate();
        WelcomeRuntimeDelegate welcome = Welcome.getRuntimeDelegate();
        return () -> {
            engines.values().forEach(ProcessEngines::registerProcessEngine);
            if (cockpit != null) {
                Cockpit.setCockpitRuntimeDelegate(cockpit);
                Tasklist.setTasklistRuntimeDelegate(tasklist);
                Admin.setAdminRuntimeDelegate(admin);
                Welcome.setRuntimeDelegate(welcome);
            }
        };
    }

    /** Component scanning would otherwise pick up @TestConfiguration classes, such as a second embedded database. */
    static class SkipTestConfigurations extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SkipTestConfigurations;
        }

        @Override
        public int hashCode() {
            return SkipTestConfigurations.class.hashCode();
        }
    }
}
