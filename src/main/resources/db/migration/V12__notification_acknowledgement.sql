-- The authority's acknowledgement of a notification (issue 13, item 9). SENT only says that the mail server or the
-- intake accepted the letter; the acknowledgement is the authority's own word that it received it: its date and the
-- authority's reference, read from the HTTPS intake's answer (INTAKE) or recorded by a coordinator or, for a
-- notification the member sends itself, by the member (RECORDED). A coordinator may close the wait for an authority
-- that does not acknowledge (WAIVED, with the reason in the audit trail).
alter table authority_notification add column acknowledgement_source varchar(10);
alter table authority_notification add column acknowledged_on date;
alter table authority_notification add column authority_reference varchar(200);
alter table authority_notification add column acknowledged_by varchar(64);
alter table authority_notification add column acknowledgement_recorded_at timestamp with time zone;
-- when a coordinator's follow-up of a missing acknowledgement was raised: raised once per notification
alter table authority_notification add column acknowledgement_follow_up_at timestamp with time zone;
