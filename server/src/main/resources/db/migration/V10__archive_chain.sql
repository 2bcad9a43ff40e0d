-- Tamper-evident archive (ARC-1, ARC-2): every record is one arc_entry row; the sealer chains them.
-- Canonical encoding and hashing: com.commhub.verifier.CanonicalEncoding and docs/modules/archive.md.
create table arc_entry (
    id                bigserial    primary key,
    kind              varchar(32)  not null,
    subject_type      varchar(64)  not null,
    subject_id        varchar(128) not null,
    parties           text         not null,  -- canonical JSON text written once by the recorder, hashed as stored
    classification    varchar(16)  not null,
    occurred_at       timestamptz  not null,
    recorded_at       timestamptz  not null default now(),
    summary           text         not null,
    content           bytea,                  -- AES-256-GCM ciphertext when content_key_id is set, else plain
    content_key_id    varchar(32),
    content_nonce     bytea,
    content_sha256    bytea,                  -- SHA-256 of the PLAIN content; null when there is no content
    attachment_hashes text         not null,  -- JSON array of hex SHA-256, as stored
    related           text         not null,  -- JSON array of {"relation":…,"entry":id}, as stored
    -- sealing columns: set exactly once by the sealer
    position          bigint       unique,
    prev_hash         bytea,
    entry_hash        bytea,
    sealed_at         timestamptz
);
create index arc_entry_unsealed_ix on arc_entry (id) where position is null;
create index arc_entry_subject_ix on arc_entry (subject_type, subject_id);
create index arc_entry_occurred_ix on arc_entry (occurred_at);

create table arc_checkpoint (
    id         bigserial   primary key,
    position   bigint      not null unique,
    entry_hash bytea       not null,
    signed_at  timestamptz not null,
    signature  bytea       not null,   -- Ed25519 over CanonicalEncoding.checkpoint(position, entry_hash, signed_at)
    key_id     varchar(32) not null
);

-- Append-only (ARC-2). An unsealed row may only receive its sealing columns, once, all together; a sealed row can
-- never change; no row is ever deleted. Disposal (retention, later) will remove only the content of an expired
-- entry (content, content_nonce, content_key_id set to null; everything the chain hashes is kept) through a
-- dedicated, documented path that this trigger will allow explicitly; it is not implemented yet.
--
-- Grants in production (the migration runs as the schema owner; the application connects as its own role):
--   grant select, insert on arc_entry, arc_checkpoint to commhub_app;
--   grant update (position, prev_hash, entry_hash, sealed_at) on arc_entry to commhub_app;
--   grant usage on sequence arc_entry_id_seq, arc_checkpoint_id_seq to commhub_app;
-- (no DELETE, no TRUNCATE). The trigger below is what enforces the rules even for the owner, and what the tests check.
create function arc_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'arc_entry is append-only: entry % cannot be deleted', old.id using errcode = '55000';
    end if;
    if old.position is not null then
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

create trigger arc_entry_append_only before update or delete on arc_entry
    for each row execute function arc_entry_append_only();

create function arc_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op using errcode = '55000';
end
$$;

create trigger arc_entry_no_truncate before truncate on arc_entry
    for each statement execute function arc_refuse_change();
create trigger arc_checkpoint_append_only before update or delete on arc_checkpoint
    for each row execute function arc_refuse_change();
create trigger arc_checkpoint_no_truncate before truncate on arc_checkpoint
    for each statement execute function arc_refuse_change();
