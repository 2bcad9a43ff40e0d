-- Internal mail (MAIL-1..6). One mail_message per composed mail (drafts included); the addressees as typed and
-- their expansion at send time; one mailbox item per person and mail (the only way anyone sees a mail).
create table mail_message (
    id                    bigserial primary key,
    thread_id             bigint       not null,
    sender_employee_id    bigint       not null references dir_employee (id),
    subject               varchar(200) not null default '',
    body_html             text         not null default '',
    body_text             text         not null default '',
    classification        varchar(16)  not null,
    receipt_requested     boolean      not null default false,
    follow_up_on          date,
    follow_up_notified_at timestamptz,
    reply_to_id           bigint references mail_message (id),
    forward_of_id         bigint references mail_message (id),
    state                 varchar(24)  not null,
    has_attachments       boolean      not null default false,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    sent_at               timestamptz,
    archive_entry_id      bigint,
    version               bigint       not null default 0
);
create index mail_message_thread_ix on mail_message (thread_id);
create index mail_message_follow_up_ix on mail_message (follow_up_on)
    where follow_up_on is not null and follow_up_notified_at is null;

-- To/CC/BCC as the sender typed them (person, department or group)
create table mail_addressee (
    id        bigserial primary key,
    mail_id   bigint      not null references mail_message (id) on delete cascade,
    field     varchar(3)  not null,
    kind      varchar(12) not null,
    target_id bigint      not null,
    position  integer     not null
);
create index mail_addressee_mail_ix on mail_addressee (mail_id);

-- The expansion recorded at send time: each recipient employee, the field and the addressee that reached them;
-- read_at is the read receipt (MAIL-4), kept only when the mail asked for one.
create table mail_recipient (
    id          bigserial primary key,
    mail_id     bigint      not null references mail_message (id) on delete cascade,
    employee_id bigint      not null references dir_employee (id),
    field       varchar(3)  not null,
    via_kind    varchar(12) not null,
    via_id      bigint      not null,
    read_at     timestamptz,
    unique (mail_id, employee_id)
);
create index mail_recipient_employee_ix on mail_recipient (employee_id);

create table mail_attachment (
    mail_id      bigint       not null references mail_message (id) on delete cascade,
    file_id      bigint       not null,
    position     integer      not null,
    name         varchar(255) not null,
    content_type varchar(128) not null,
    size         bigint       not null,
    sha256       varchar(64)  not null,
    primary key (mail_id, file_id)
);
create index mail_attachment_file_ix on mail_attachment (file_id);

create table mail_folder (
    id                bigserial primary key,
    owner_employee_id bigint      not null references dir_employee (id),
    name              varchar(40) not null,
    created_at        timestamptz not null
);
create unique index mail_folder_name_ux on mail_folder (owner_employee_id, lower(name));

create table mail_label (
    id                bigserial primary key,
    owner_employee_id bigint      not null references dir_employee (id),
    name              varchar(30) not null,
    colour            varchar(7)  not null,
    created_at        timestamptz not null
);
create unique index mail_label_name_ux on mail_label (owner_employee_id, lower(name));

-- A person's copy of a mail: the sender's (SENT or DRAFTS) and each recipient's (INBOX). Deleting moves it to
-- TRASH (trashed_from remembers where from); deleting from TRASH sets hidden_at: never seen again by its owner,
-- while the mail, the other items and the archive entry remain.
create table mail_item (
    id                bigserial primary key,
    mail_id           bigint      not null references mail_message (id) on delete cascade,
    owner_employee_id bigint      not null references dir_employee (id),
    field             varchar(3),
    folder            varchar(8)  not null,
    custom_folder_id  bigint references mail_folder (id),
    trashed_from      varchar(24),
    read_at           timestamptz,
    flagged           boolean     not null default false,
    hidden_at         timestamptz,
    sort_at           timestamptz not null,
    created_at        timestamptz not null,
    version           bigint      not null default 0,
    unique (mail_id, owner_employee_id)
);
create index mail_item_folder_ix on mail_item (owner_employee_id, folder, sort_at desc) where hidden_at is null;
create index mail_item_unread_ix on mail_item (owner_employee_id) where read_at is null and hidden_at is null;

create table mail_item_label (
    item_id  bigint not null references mail_item (id) on delete cascade,
    label_id bigint not null references mail_label (id) on delete cascade,
    primary key (item_id, label_id)
);
