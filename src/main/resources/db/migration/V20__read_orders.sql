-- Issue 17: the lists people page through are read in a fixed order, newest application first (memberships, the
-- audit list) and soonest due first (notifications, the dashboard's overdue ones). With an index in that order the
-- database reads the first page's rows and stops, instead of sorting every membership or notification first.
create index ix_membership_applied on membership (applied_at, id);
create index ix_notification_due on authority_notification (due_date, id);
