-- Revisions of an arrangement's rules of conduct: what changed and who published it; every active member accepts
-- each new version (rules_acceptance) before it takes effect.
alter table rules_of_conduct_version add column change_summary varchar(4000);
alter table rules_of_conduct_version add column published_by varchar(64);
