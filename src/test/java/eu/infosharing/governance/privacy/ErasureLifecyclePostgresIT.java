package eu.infosharing.governance.privacy;

import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import org.springframework.context.annotation.Import;

/** The same lifecycle and the same search of every table on real PostgreSQL, the production database. */
@Import(EmbeddedPostgresConfiguration.class)
class ErasureLifecyclePostgresIT extends ErasureLifecycleTest {
}
