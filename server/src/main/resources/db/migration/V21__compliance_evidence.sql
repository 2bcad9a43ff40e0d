-- Compliance evidence (DLP-3, DLP-4): one row per recorded decision (ComplianceDecisions.decide). Findings hold only
-- masked snippets. rules and findings are JSON arrays. Rows are never changed.
create table cmp_evidence (
    id                  bigserial primary key,
    occurred_at         timestamptz  not null,
    sender_employee_id  bigint,
    sender_label        varchar(128),
    channel             varchar(16)  not null,
    internal_recipients integer      not null,
    external_recipients integer      not null,
    recipient_domains   varchar(2000) not null,
    classification      varchar(16),
    action              varchar(20)  not null,
    outcome             varchar(40)  not null,
    rules               text         not null,
    findings            text         not null,
    justification       varchar(2000),
    subject_type        varchar(64),
    subject_id          varchar(128)
);

create index cmp_evidence_occurred_idx on cmp_evidence (occurred_at desc);
create index cmp_evidence_subject_idx on cmp_evidence (subject_type, subject_id);
