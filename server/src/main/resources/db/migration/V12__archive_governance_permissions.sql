-- Archive governance permissions (ARC-3, ARC-4). Separation of duties: the communication officer and the auditor
-- may ask for access to archived content, only the auditor approves (never their own request, enforced in code);
-- retention is set by the administrator and the officer; legal holds by the officer and the auditor.
insert into sec_role_permission (role_id, permission)
select r.id, p.permission from sec_role r join (values
    ('ADMIN', 'ARCHIVE_RETENTION_MANAGE'), ('COMM_OFFICER', 'ARCHIVE_RETENTION_MANAGE'),
    ('COMM_OFFICER', 'ARCHIVE_LEGAL_HOLD'), ('AUDITOR', 'ARCHIVE_LEGAL_HOLD'),
    ('COMM_OFFICER', 'ARCHIVE_ACCESS_REQUEST'), ('AUDITOR', 'ARCHIVE_ACCESS_REQUEST'),
    ('AUDITOR', 'ARCHIVE_ACCESS_APPROVE')
) as p(code, permission) on p.code = r.code;
