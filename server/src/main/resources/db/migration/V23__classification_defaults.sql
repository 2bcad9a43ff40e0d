-- The classification new content starts with, per channel (CLS-1); the communication officer changes it. Channels
-- without a row fall back to INTERNAL.
create table cmp_classification_default (
    channel        varchar(16)  primary key,
    classification varchar(16)  not null,
    updated_by     varchar(64)  not null,
    updated_at     timestamptz  not null default now()
);

insert into cmp_classification_default (channel, classification, updated_by) values
    ('CHAT', 'INTERNAL', 'system'),
    ('MAIL', 'INTERNAL', 'system'),
    ('ANNOUNCEMENT', 'INTERNAL', 'system'),
    ('EXTERNAL_MAIL', 'PUBLIC', 'system'),
    ('FILE', 'INTERNAL', 'system');
