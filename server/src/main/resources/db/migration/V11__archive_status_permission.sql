-- The archive status page and API (ARC-2): administrators, auditors and the communication officer.
insert into sec_role_permission (role_id, permission)
select r.id, 'ARCHIVE_STATUS_VIEW' from sec_role r where r.code in ('ADMIN', 'AUDITOR', 'COMM_OFFICER');
