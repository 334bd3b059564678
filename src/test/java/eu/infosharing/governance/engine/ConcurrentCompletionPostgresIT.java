package eu.infosharing.governance.engine;

import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The same races on PostgreSQL, where the second completion waits on the first one's row locks and then finds the
 * task changed under it (the engine's optimistic locking), as with 20 clients in production.
 */
@Import(EmbeddedPostgresConfiguration.class)
class ConcurrentCompletionPostgresIT extends ConcurrentCompletionTest {
}
