-- Internal chat (CHAT-1..9). Employee, department and group ids refer to the directory module's tables without
-- foreign keys (modules own their tables); nothing here is ever deleted.

create table chat_conversation (
    id                 bigserial    primary key,
    kind               varchar(16)  not null,
    title              varchar(100),
    topic              varchar(500),
    classification     varchar(16)  not null,
    posting_policy     varchar(16)  not null default 'EVERYONE',
    invite_policy      varchar(16)  not null default 'EVERYONE',
    department_id      bigint,
    directory_group_id bigint,
    -- DIRECT: "<lower employee id>:<higher employee id>", one conversation per pair
    direct_key         varchar(64),
    -- counters taken with UPDATE ... RETURNING in the sending transaction: the row lock makes seq order commit order
    last_seq           bigint       not null default 0,
    last_change_seq    bigint       not null default 0,
    created_by         bigint,
    created_at         timestamptz  not null,
    last_message_at    timestamptz
);
create unique index chat_conversation_direct_uq on chat_conversation (direct_key) where direct_key is not null;
create unique index chat_conversation_department_uq on chat_conversation (department_id) where kind = 'DEPARTMENT';
create unique index chat_conversation_group_uq on chat_conversation (directory_group_id) where kind = 'PROJECT';

create table chat_member (
    conversation_id bigint      not null references chat_conversation (id),
    employee_id     bigint      not null,
    owner           boolean     not null default false,
    -- the highest seq this member has read (a watermark, CHAT-4); only ever moves forward
    read_seq        bigint      not null default 0,
    joined_at       timestamptz not null,
    primary key (conversation_id, employee_id)
);
create index chat_member_employee_ix on chat_member (employee_id);
create index chat_member_read_ix on chat_member (conversation_id, read_seq);

create table chat_message (
    id                 bigserial    primary key,
    conversation_id    bigint       not null references chat_conversation (id),
    -- null while held or quarantined; taken when delivered
    seq                bigint,
    change_seq         bigint       not null,
    thread_root_id     bigint references chat_message (id),
    sender_employee_id bigint       not null,
    text               text         not null,
    text_hash          varchar(64)  not null,
    state              varchar(24)  not null,
    classification     varchar(16)  not null,
    read_once          boolean      not null default false,
    expires_at         timestamptz,
    edited_at          timestamptz,
    recalled_at        timestamptz,
    client_message_id  varchar(64),
    archive_entry_id   bigint,
    evidence_id        bigint,
    reply_count        integer      not null default 0,
    has_attachments    boolean      not null default false,
    -- everyone a mention reaches (people, and the members of mentioned departments), for unread-mention counts
    mentioned_ids      bigint[]     not null default '{}',
    created_at         timestamptz  not null,
    constraint chat_message_seq_uq unique (conversation_id, seq),
    constraint chat_message_client_uq unique (sender_employee_id, client_message_id)
);
create index chat_message_change_ix on chat_message (conversation_id, change_seq);
create index chat_message_thread_ix on chat_message (thread_root_id) where thread_root_id is not null;
create index chat_message_sender_ix on chat_message (sender_employee_id, created_at);

create table chat_mention (
    message_id    bigint       not null references chat_message (id),
    position      integer      not null,
    employee_id   bigint,
    department_id bigint,
    name          varchar(100) not null,
    primary key (message_id, position)
);

create table chat_reaction (
    message_id  bigint      not null references chat_message (id),
    employee_id bigint      not null,
    emoji       varchar(16) not null,
    created_at  timestamptz not null,
    primary key (message_id, employee_id, emoji)
);

create table chat_attachment (
    message_id bigint not null references chat_message (id),
    file_id    bigint not null,
    primary key (message_id, file_id)
);
create index chat_attachment_file_ix on chat_attachment (file_id);

-- who opened a read-once message (CLS-3)
create table chat_opening (
    message_id  bigint      not null references chat_message (id),
    employee_id bigint      not null,
    opened_at   timestamptz not null,
    primary key (message_id, employee_id)
);

-- anti-flooding rules (CHAT-9), one row
create table chat_limits (
    id                       integer      primary key check (id = 1),
    posts_per_minute         integer      not null,
    mentions_per_message     integer      not null,
    duplicate_posts          integer      not null,
    duplicate_window_seconds integer      not null,
    updated_by               varchar(64)  not null,
    updated_at               timestamptz  not null default now()
);
insert into chat_limits (id, posts_per_minute, mentions_per_message, duplicate_posts, duplicate_window_seconds,
    updated_by) values (1, 30, 20, 5, 60, 'system');
