package eu.infosharing.governance.security;

import eu.infosharing.governance.support.EmbeddedPostgresConfiguration;
import org.springframework.context.annotation.Import;

/** The same twelve attacks end to end on real PostgreSQL, the production database. */
@Import(EmbeddedPostgresConfiguration.class)
class HostileMemberPostgresIT extends HostileMemberTest {
}
