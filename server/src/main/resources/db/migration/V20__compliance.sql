-- Compliance engine (CLS-5, DLP-1..6): versioned DLP policies, keyword dictionaries, the two compliance permissions
-- and the default policy pack for a Chinese company (documented in docs/modules/compliance.md).

-- A policy: its identity and state. Its rules live in versions; every change adds a version, none is ever updated.
create table cmp_policy (
    id              bigserial primary key,
    code            varchar(64)  not null unique,
    active          boolean      not null,
    current_version integer      not null,
    created_at      timestamptz  not null default now(),
    updated_at      timestamptz  not null default now()
);

create table cmp_policy_version (
    id         bigserial primary key,
    policy_id  bigint       not null references cmp_policy (id),
    version_no integer      not null,
    definition text         not null,
    created_by varchar(64)  not null,
    created_at timestamptz  not null default now(),
    unique (policy_id, version_no)
);

-- A keyword dictionary: one term per line; dict_version grows with every upload (the automaton is rebuilt per version).
create table cmp_dictionary (
    id           bigserial primary key,
    code         varchar(64)  not null unique,
    name         varchar(128) not null,
    category     varchar(32)  not null,
    active       boolean      not null default true,
    dict_version integer      not null,
    term_count   integer      not null,
    terms        text         not null,
    updated_by   varchar(64)  not null,
    updated_at   timestamptz  not null default now()
);

-- COMPLIANCE_INSPECT: the dry run (every employee, so clients can preview a policy tip; the officer and the
-- administrator for the test bench). COMPLIANCE_MANAGE: policies, dictionaries, detectors.
insert into sec_role_permission (role_id, permission)
select r.id, p.permission from sec_role r join (values
    ('EMPLOYEE', 'COMPLIANCE_INSPECT'), ('COMM_OFFICER', 'COMPLIANCE_INSPECT'), ('ADMIN', 'COMPLIANCE_INSPECT'),
    ('COMM_OFFICER', 'COMPLIANCE_MANAGE'), ('ADMIN', 'COMPLIANCE_MANAGE')
) as p(code, permission) on p.code = r.code;

-- The default policy pack.
insert into cmp_policy (code, active, current_version) values
    ('default.confidential-external', true, 1),
    ('default.personal-data-external', true, 1),
    ('default.personal-data-internal', true, 1),
    ('default.top-secret-anywhere', true, 1);

insert into cmp_policy_version (policy_id, version_no, definition, created_by)
select p.id, 1, d.definition, 'system' from cmp_policy p join (values
    ('default.confidential-external', '{"code":"default.confidential-external","name":"机密信息禁止外发","description":"Content classified CONFIDENTIAL or above never goes to external recipients.","priority":10,"action":"BLOCK","tipZh":"机密信息不得发送给外部收件人。您的草稿已保留,请删除外部收件人或调整密级。","tipEn":"Confidential information must not be sent to external recipients. Your draft is kept; remove the external recipients or change the classification.","scope":{"channels":[],"recipients":"EXTERNAL","senderDepartmentIds":[],"classifications":[]},"conditions":{"classificationAtLeast":"CONFIDENTIAL"},"exceptions":{"partnerDomains":[],"authorisedSpokespersons":false}}'),
    ('default.personal-data-external', '{"code":"default.personal-data-external","name":"身份证号/银行卡号外发提醒","description":"Resident ID or bank card numbers to external recipients: the sender sees a tip and must justify.","priority":20,"action":"WARN","tipZh":"内容中包含身份证号或银行卡号,将发送给外部收件人。请确认确有必要并填写理由。","tipEn":"The content contains a resident ID or bank card number and goes to external recipients. Confirm it is necessary and give a justification.","scope":{"channels":[],"recipients":"EXTERNAL","senderDepartmentIds":[],"classifications":[]},"conditions":{"findings":{"detectors":["resident-id","bank-card"],"categories":[],"minCount":1,"minConfidence":"MEDIUM"}},"exceptions":{"partnerDomains":[],"authorisedSpokespersons":false}}'),
    ('default.personal-data-internal', '{"code":"default.personal-data-internal","name":"身份证号/银行卡号内部传递审计","description":"Resident ID or bank card numbers that stay inside the company are recorded as evidence.","priority":30,"action":"AUDIT","tipZh":"内容中包含身份证号或银行卡号,本次发送将被记录审计。","tipEn":"The content contains a resident ID or bank card number; this message is recorded for audit.","scope":{"channels":[],"recipients":"INTERNAL","senderDepartmentIds":[],"classifications":[]},"conditions":{"findings":{"detectors":["resident-id","bank-card"],"categories":[],"minCount":1,"minConfidence":"MEDIUM"}},"exceptions":{"partnerDomains":[],"authorisedSpokespersons":false}}'),
    ('default.top-secret-anywhere', '{"code":"default.top-secret-anywhere","name":"绝密信息隔离审查","description":"TOP_SECRET content in chat, mail or announcements is held for the communication officer.","priority":5,"action":"QUARANTINE","tipZh":"绝密信息不得通过即时通讯、邮件或公告传递,已提交通讯管理专员审查。","tipEn":"Top-secret information must not travel by chat, mail or announcement; it is held for the communication officer''s review.","scope":{"channels":["CHAT","MAIL","ANNOUNCEMENT","EXTERNAL_MAIL"],"recipients":"ANY","senderDepartmentIds":[],"classifications":[]},"conditions":{"classificationAtLeast":"TOP_SECRET"},"exceptions":{"partnerDomains":[],"authorisedSpokespersons":false}}')
) as d(code, definition) on d.code = p.code;
