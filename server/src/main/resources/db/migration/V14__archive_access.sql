-- Archive access requests (ARC-4): nobody reads archived content without an approved request of limited scope and
-- duration, approved by someone else (two-person rule, enforced in the service and again here). Every search, view
-- and export under a request is kept in arc_access_event and, in the same transaction, chained as an ACCESS_RECORD
-- entry of arc_entry (the evidence; this table is the queryable index).
create table arc_access_request (
    id                    bigserial    primary key,
    requester_account_id  bigint       not null,
    requester_name        varchar(100) not null,   -- username (工号) at the time of the request
    requester_label       varchar(200) not null,   -- party string, e.g. "HT1030 徐立新"
    purpose               text         not null,
    case_reference        varchar(100) not null,
    scope_people          text         not null,   -- party keys as requested, one per line
    scope_department_ids  text         not null,   -- comma-separated department ids as requested
    scope_parties         text         not null,   -- resolved party keys (people + department members), one per line
    scope_kinds           text         not null,   -- comma-separated RecordKind names; empty = every kind
    scope_from            timestamptz,             -- inclusive
    scope_to              timestamptz,             -- exclusive
    classification_ceiling varchar(16),            -- null = every level
    duration_days         integer      not null check (duration_days between 1 and 90),
    status                varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    requested_at          timestamptz  not null,
    decided_by_account_id bigint,
    decided_by_name       varchar(100),
    decided_at            timestamptz,
    decision_reason       text,
    expires_at            timestamptz,
    constraint arc_access_request_two_persons check (decided_by_account_id is null
                                                      or decided_by_account_id <> requester_account_id),
    constraint arc_access_request_range check (scope_from is null or scope_to is null or scope_from < scope_to)
);
create index arc_access_request_requester_ix on arc_access_request (requester_account_id, id desc);
create index arc_access_request_pending_ix on arc_access_request (id) where status = 'PENDING';

create table arc_access_event (
    id               bigserial    primary key,
    request_id       bigint       not null references arc_access_request (id),
    account_id       bigint       not null,
    actor_name       varchar(100) not null,
    action           varchar(16)  not null check (action in ('SEARCH', 'VIEW', 'EXPORT')),
    entry_id         bigint,                      -- the entry viewed
    detail           text         not null,       -- the query and filters, or what was exported
    archive_entry_id bigint       not null,       -- its ACCESS_RECORD entry in arc_entry
    occurred_at      timestamptz  not null
);
create index arc_access_event_request_ix on arc_access_event (request_id, id);
