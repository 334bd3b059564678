-- Incremental audit verification (issue 17): what the verification has already found intact, so that a check reads
-- only the entries written since, chained onto the heads it verified, instead of every membership's whole trail.

-- Per membership, the last entry verified intact (by either kind of check): the next entry of that membership must
-- chain onto it, whatever its id. Moved forward only. No foreign key: the verification never holds up a deletion.
create table audit_verified_head (
    membership_id bigint      primary key,
    seq           integer     not null,
    hash          varchar(64) not null,
    entry_id      bigint      not null
);

-- One row: the checkpoint, the newest entry verified, and what the last full verification found.
create table audit_verification (
    id                        integer primary key,
    -- every entry with an id up to this one is verified (an entry is counted only once it is older than
    -- governance.audit.verify-settle, so that one committed late with a lower id is not jumped over); null: never
    checkpoint_entry_id       bigint,
    -- the newest entry the last intact check saw, and when it was written
    verified_through_entry_id bigint,
    verified_through_at       timestamp with time zone,
    incremental_at            timestamp with time zone,
    full_started_at           timestamp with time zone,
    full_finished_at          timestamp with time zone,
    full_intact               boolean,
    full_memberships          integer,
    full_entries              bigint,
    full_broken_membership_id bigint,
    full_broken_entry_id      bigint,
    full_broken_seq           integer,
    full_broken_reason        varchar(200)
);
insert into audit_verification (id) values (1);
