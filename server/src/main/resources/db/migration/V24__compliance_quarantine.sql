-- The quarantine review (DLP-4): QUARANTINE decisions wait in the same table as approvals, in queue QUARANTINE, for
-- any communication officer (no named approver). A reviewer's decision on a held item is itself kept as evidence
-- that points at the held decision (review_of) and names the reviewer.
alter table cmp_approval add column queue varchar(16) not null default 'APPROVAL';
alter table cmp_approval alter column approver_employee_id drop not null;
alter table cmp_approval add column decided_by varchar(128);
create index cmp_approval_queue_idx on cmp_approval (queue, status);

alter table cmp_evidence add column review_of bigint references cmp_evidence (id);
alter table cmp_evidence add column reviewer_label varchar(128);
