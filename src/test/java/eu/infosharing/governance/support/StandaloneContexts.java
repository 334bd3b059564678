package eu.infosharing.governance.support;

import eu.infosharing.governance.GovernanceApplication;
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
                .run(args);
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
