-- Issue 17: a rules revision asks each member through a rules-acceptance process instance of its own. One row per
-- member asked, written when the revision is published (every member active then); the batch that starts the
-- member's instance records it (a retried batch starts only the rows without one), and the instance's end settles
-- the row. The last row of a revision to settle tells the revision (under a lock on its rules_of_conduct_version row).
create table rules_acceptance_request (
    rules_version_id    bigint      not null references rules_of_conduct_version (id),
    membership_id       bigint      not null references membership (id),
    batch_number        integer     not null,
    process_instance_id varchar(64),
    settled_at          timestamp with time zone,
    primary key (rules_version_id, membership_id)
);
create index rules_acceptance_request_batch on rules_acceptance_request (rules_version_id, batch_number);
create index rules_acceptance_request_unsettled on rules_acceptance_request (rules_version_id, settled_at);
