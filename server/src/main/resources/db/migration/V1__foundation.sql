-- Foundation schema: directory (dir_), security (sec_), audit trail (arc_), HTTP sessions (spring_session).

create table dir_department (
    id              bigserial primary key,
    code            varchar(16)  not null,
    name            varchar(100) not null,
    parent_id       bigint references dir_department (id),
    head_employee_id bigint,
    active          boolean      not null default true,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create unique index dir_department_code_uq on dir_department (upper(code));
create index dir_department_parent_ix on dir_department (parent_id);

create table dir_employee (
    id              bigserial primary key,
    employee_no     varchar(32)  not null,
    name            varchar(50)  not null,
    name_pinyin     varchar(200) not null,
    department_id   bigint       not null references dir_department (id),
    position        varchar(100),
    manager_id      bigint references dir_employee (id),
    office_phone    varchar(32),
    mobile          varchar(32),
    email           varchar(200) not null,
    employment_type varchar(16)  not null,
    status          varchar(16)  not null,
    hired_on        date         not null,
    left_on         date,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    version         bigint       not null default 0
);
create unique index dir_employee_no_uq on dir_employee (upper(employee_no));
create unique index dir_employee_email_uq on dir_employee (lower(email));
create index dir_employee_department_ix on dir_employee (department_id);
create index dir_employee_pinyin_ix on dir_employee (name_pinyin);

alter table dir_department add constraint dir_department_head_fk
    foreign key (head_employee_id) references dir_employee (id);

create table dir_group (
    id          bigserial primary key,
    name        varchar(100) not null,
    kind        varchar(16)  not null,
    description varchar(500),
    active      boolean      not null default true,
    created_at  timestamptz  not null default now(),
    version     bigint       not null default 0
);
create unique index dir_group_name_uq on dir_group (lower(name)) where active;

create table dir_group_member (
    group_id    bigint  not null references dir_group (id),
    employee_id bigint  not null references dir_employee (id),
    owner       boolean not null default false,
    primary key (group_id, employee_id)
);
create index dir_group_member_employee_ix on dir_group_member (employee_id);

create table sec_account (
    id                   bigserial primary key,
    username             varchar(64)  not null,
    display_name         varchar(100) not null,
    employee_id          bigint unique references dir_employee (id),
    password_hash        varchar(255) not null,
    password_changed_at  timestamptz  not null default now(),
    must_change_password boolean      not null default false,
    enabled              boolean      not null default true,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    totp_secret          varchar(64),
    totp_enabled         boolean      not null default false,
    last_login_at        timestamptz,
    created_at           timestamptz  not null default now(),
    version              bigint       not null default 0
);
create unique index sec_account_username_uq on sec_account (lower(username));

create table sec_password_history (
    id            bigserial primary key,
    account_id    bigint       not null references sec_account (id),
    password_hash varchar(255) not null,
    created_at    timestamptz  not null default now()
);
create index sec_password_history_account_ix on sec_password_history (account_id, created_at desc);

create table sec_recovery_code (
    id         bigserial primary key,
    account_id bigint      not null references sec_account (id),
    code_hash  varchar(64) not null,
    used_at    timestamptz
);
create index sec_recovery_code_account_ix on sec_recovery_code (account_id);

create table sec_role (
    id         bigserial primary key,
    code       varchar(32)  not null unique,
    name_zh    varchar(64)  not null,
    name_en    varchar(64)  not null,
    privileged boolean      not null default false,
    builtin    boolean      not null default false
);

create table sec_role_permission (
    role_id    bigint      not null references sec_role (id),
    permission varchar(64) not null,
    primary key (role_id, permission)
);

create table sec_role_assignment (
    id           bigserial primary key,
    role_id      bigint      not null references sec_role (id),
    subject_type varchar(16) not null,
    subject_id   bigint      not null,
    created_at   timestamptz not null default now(),
    created_by   varchar(64),
    unique (role_id, subject_type, subject_id)
);
create index sec_role_assignment_subject_ix on sec_role_assignment (subject_type, subject_id);

create table sec_api_token (
    id           bigserial primary key,
    account_id   bigint       not null references sec_account (id),
    name         varchar(100) not null,
    kind         varchar(16)  not null,
    token_hash   varchar(64)  not null unique,
    token_prefix varchar(16)  not null,
    scopes       varchar(1000) not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz,
    created_at   timestamptz  not null default now()
);
create index sec_api_token_account_ix on sec_api_token (account_id);

-- The audit trail. Rows are only ever inserted; the archive module will chain them.
create table arc_audit_event (
    id                bigserial primary key,
    occurred_at       timestamptz  not null,
    actor_account_id  bigint,
    actor_name        varchar(100) not null,
    action            varchar(64)  not null,
    target_type       varchar(32),
    target_id         varchar(64),
    target_label      varchar(200),
    outcome           varchar(16)  not null,
    source_ip         varchar(64),
    details           varchar(2000)
);
create index arc_audit_event_time_ix on arc_audit_event (occurred_at desc);
create index arc_audit_event_action_ix on arc_audit_event (action);
create index arc_audit_event_actor_ix on arc_audit_event (actor_account_id);

-- Spring Session JDBC (its PostgreSQL schema)
create table spring_session (
    primary_id            char(36) not null,
    session_id            char(36) not null,
    creation_time         bigint   not null,
    last_access_time      bigint   not null,
    max_inactive_interval int      not null,
    expiry_time           bigint   not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Built-in roles. Permissions are fine-grained; see security.Permission.
insert into sec_role (code, name_zh, name_en, privileged, builtin) values
    ('ADMIN', '系统管理员', 'Administrator', true, true),
    ('COMM_OFFICER', '通讯管理专员', 'Communication officer', true, true),
    ('DEPT_HEAD', '部门负责人', 'Department head', false, true),
    ('EMPLOYEE', '员工', 'Employee', false, true),
    ('AUDITOR', '审计员', 'Auditor', true, true);

insert into sec_role_permission (role_id, permission)
select r.id, p.permission from sec_role r join (values
    ('ADMIN', 'DIRECTORY_VIEW'), ('ADMIN', 'DIRECTORY_MANAGE'), ('ADMIN', 'DIRECTORY_IMPORT'),
    ('ADMIN', 'ROLE_VIEW'), ('ADMIN', 'ROLE_MANAGE'), ('ADMIN', 'SESSION_MANAGE_ALL'),
    ('ADMIN', 'AUDIT_READ'), ('ADMIN', 'METRICS_READ'), ('ADMIN', 'API_TOKEN_USE'),
    ('COMM_OFFICER', 'DIRECTORY_VIEW'), ('COMM_OFFICER', 'ROLE_VIEW'), ('COMM_OFFICER', 'API_TOKEN_USE'),
    ('DEPT_HEAD', 'DIRECTORY_VIEW'), ('DEPT_HEAD', 'API_TOKEN_USE'),
    ('EMPLOYEE', 'DIRECTORY_VIEW'), ('EMPLOYEE', 'API_TOKEN_USE'),
    ('AUDITOR', 'DIRECTORY_VIEW'), ('AUDITOR', 'ROLE_VIEW'), ('AUDITOR', 'AUDIT_READ'), ('AUDITOR', 'API_TOKEN_USE')
) as p(code, permission) on p.code = r.code;

-- Spring Modulith event publication registry (the transactional outbox for module events)
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_completion_ix on event_publication (completion_date);
