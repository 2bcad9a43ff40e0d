-- The approval queue (DLP-4): a REQUIRE_APPROVAL decision holds the item until the named approver (the sender's
-- department head, resolved by the content module) approves or rejects it.
create table cmp_approval (
    id                   bigserial primary key,
    evidence_id          bigint        not null references cmp_evidence (id),
    subject_type         varchar(64)   not null,
    subject_id           varchar(128)  not null,
    sender_employee_id   bigint,
    sender_label         varchar(128),
    approver_employee_id bigint        not null,
    approver_label       varchar(128),
    status               varchar(16)   not null,
    note                 varchar(2000),
    created_at           timestamptz   not null,
    decided_at           timestamptz
);

create index cmp_approval_pending_idx on cmp_approval (approver_employee_id, status);
