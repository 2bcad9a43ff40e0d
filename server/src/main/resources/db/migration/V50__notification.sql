-- In-app notifications (NOTIF-1) and per-user preferences with quiet hours (NOTIF-2).
create table ntf_notification (
    id                   bigserial primary key,
    recipient_account_id bigint       not null references sec_account (id),
    kind                 varchar(40)  not null,
    urgency              varchar(16)  not null,
    title_code           varchar(128) not null,
    body_code            varchar(128),
    arguments            text[]       not null default '{}',
    link                 varchar(500),
    source_module        varchar(32)  not null,
    source_id            varchar(128) not null,
    created_at           timestamptz  not null,
    -- when it is delivered: created_at, or the start of working hours after the quiet period it was created in
    visible_at           timestamptz  not null,
    read_at              timestamptz
);
create index ntf_notification_recipient_ix on ntf_notification (recipient_account_id, visible_at desc);
create index ntf_notification_unread_ix on ntf_notification (recipient_account_id) where read_at is null;

create table ntf_preference (
    account_id  bigint primary key references sec_account (id),
    quiet_hours boolean      not null,
    work_start  time         not null,
    work_end    time         not null,
    work_days   varchar(64)  not null,
    time_zone   varchar(64)  not null,
    muted_kinds varchar(500) not null default '',
    updated_at  timestamptz  not null
);
