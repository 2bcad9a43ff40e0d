-- Retention, disposal and legal holds (ARC-3). Defaults and reasons: docs/modules/archive.md, "Retention".

-- How long each kind of record is kept after it occurred; null = permanently. A kind without a row is kept
-- permanently. Security records never below the Cybersecurity Law's six months (art. 21: network logs ≥ 6 months);
-- disposal certificates are permanent because the verifier needs them to accept removed content.
create table arc_retention_schedule (
    kind           varchar(32) primary key,
    retention_days integer,
    updated_at     timestamptz not null default now(),
    updated_by     varchar(100) not null default 'system',
    constraint arc_retention_positive check (retention_days is null or retention_days between 1 and 36525),
    constraint arc_retention_security_minimum check (
        kind not in ('AUDIT_EVENT', 'ACCESS_RECORD', 'COMPLIANCE_DECISION')
        or retention_days is null or retention_days >= 180),
    constraint arc_retention_certificates_permanent check (kind <> 'DISPOSAL_CERTIFICATE' or retention_days is null)
);

-- 1096 / 3653 / 10958 days = 3 / 10 / 30 years including their leap days (never a day short).
insert into arc_retention_schedule (kind, retention_days) values
    ('CHAT_MESSAGE', 1096),
    ('MAIL', 3653),
    ('ANNOUNCEMENT', 10958),
    ('EXTERNAL_MAIL', 3653),
    ('CALL_LOG', 1096),
    ('FAX_LOG', 3653),
    ('MEETING_MINUTES', 10958),
    ('TASK_RECORD', 3653),
    ('AUDIT_EVENT', 1096),
    ('ACCESS_RECORD', 1096),
    ('COMPLIANCE_DECISION', 1096),
    ('DISPOSAL_CERTIFICATE', null);

-- One row per disposal batch (one transaction): the certificate entry that records it was archived in the same
-- transaction. A run of several batches shares run_id.
create table arc_disposal (
    id                   bigserial    primary key,
    run_id               uuid         not null,
    batch                integer      not null,
    disposed_at          timestamptz  not null,
    disposed_by          varchar(100) not null,   -- user name, or 'system' for the scheduled job
    reason               text,
    entry_count          integer      not null,
    certificate_entry_id bigint       not null references arc_entry (id)
);
create index arc_disposal_run_ix on arc_disposal (run_id);

-- The entries whose content a disposal removed. The trigger below lets a sealed entry lose its content only when
-- it is listed here by the same transaction.
create table arc_disposed_entry (
    entry_id    bigint      primary key references arc_entry (id),
    disposal_id bigint      not null references arc_disposal (id),
    position    bigint      not null,
    kind        varchar(32) not null
);
create index arc_disposed_entry_disposal_ix on arc_disposed_entry (disposal_id);

create trigger arc_disposal_append_only before update or delete on arc_disposal
    for each row execute function arc_refuse_change();
create trigger arc_disposal_no_truncate before truncate on arc_disposal
    for each statement execute function arc_refuse_change();
create trigger arc_disposed_entry_append_only before update or delete on arc_disposed_entry
    for each row execute function arc_refuse_change();
create trigger arc_disposed_entry_no_truncate before truncate on arc_disposed_entry
    for each statement execute function arc_refuse_change();

-- V10's rules, plus the one documented exception: disposal. A sealed row may lose content, content_nonce and
-- content_key_id (all three become null, nothing else changes) when arc_disposed_entry lists it in a row inserted
-- by this very transaction (xmin). content_sha256 and every other hashed column stay, so the chain still verifies.
-- Production grant for it: grant update (content, content_nonce, content_key_id) on arc_entry to commhub_app;
-- grant select, insert on arc_disposal, arc_disposed_entry, arc_retention_schedule; update on arc_retention_schedule.
create or replace function arc_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'arc_entry is append-only: entry % cannot be deleted', old.id using errcode = '55000';
    end if;
    if old.position is not null then
        if old.content is not null
           and new.content is null and new.content_nonce is null and new.content_key_id is null
           and (new.id, new.kind, new.subject_type, new.subject_id, new.parties, new.classification, new.occurred_at,
                new.recorded_at, new.summary, new.content_sha256, new.attachment_hashes, new.related,
                new.position, new.prev_hash, new.entry_hash, new.sealed_at)
               is not distinct from
               (old.id, old.kind, old.subject_type, old.subject_id, old.parties, old.classification, old.occurred_at,
                old.recorded_at, old.summary, old.content_sha256, old.attachment_hashes, old.related,
                old.position, old.prev_hash, old.entry_hash, old.sealed_at)
           and exists (select 1 from arc_disposed_entry d
                       where d.entry_id = old.id and d.xmin = pg_current_xact_id()::xid) then
            return new;
        end if;
        raise exception 'arc_entry % is sealed at position % and cannot be changed', old.id, old.position
            using errcode = '55000';
    end if;
    if (new.id, new.kind, new.subject_type, new.subject_id, new.parties, new.classification, new.occurred_at,
        new.recorded_at, new.summary, new.content, new.content_key_id, new.content_nonce, new.content_sha256,
        new.attachment_hashes, new.related)
       is distinct from
       (old.id, old.kind, old.subject_type, old.subject_id, old.parties, old.classification, old.occurred_at,
        old.recorded_at, old.summary, old.content, old.content_key_id, old.content_nonce, old.content_sha256,
        old.attachment_hashes, old.related) then
        raise exception 'arc_entry % is append-only: only the sealing columns may be set', old.id
            using errcode = '55000';
    end if;
    if new.position is null or new.prev_hash is null or new.entry_hash is null or new.sealed_at is null then
        raise exception 'arc_entry %: position, prev_hash, entry_hash and sealed_at are set together', old.id
            using errcode = '55000';
    end if;
    return new;
end
$$;

-- Legal holds: while active, matching entries are never disposed. Criteria combine with AND; persons and the
-- department's members together are the custodians (any of them).
create table arc_legal_hold (
    id             bigserial    primary key,
    case_id        varchar(100) not null,
    reason         text         not null,
    parties        text[]       not null default '{}',  -- 工号 or party names, as entered
    department_id  bigint,
    department_members text[]   not null default '{}',  -- the department tree's 工号 when the hold was created
    keyword        varchar(200),
    occurred_from  timestamptz,
    occurred_to    timestamptz,                          -- exclusive
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    released_at    timestamptz,
    released_by    varchar(100),
    release_reason text,
    constraint arc_legal_hold_released check ((released_at is null) = (release_reason is null))
);
create index arc_legal_hold_active_ix on arc_legal_hold (id) where released_at is null;
