-- A third event beside entry and cessation: an authority told of the participation is told, on a coordinator's
-- decision after a yearly review, that the participation no longer concerns it (CONCERN_ENDED).
alter table authority_notification alter column event set data type varchar(20);
