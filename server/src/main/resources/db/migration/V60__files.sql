-- Uploaded files (attachments of chat messages and mails). The bytes live in a FileStorage, addressed by SHA-256:
-- many rows (one per upload) may share one stored object.
create table file_object (
    id                   bigserial primary key,
    name                 varchar(255) not null,
    content_type         varchar(127) not null,
    size                 bigint       not null check (size > 0),
    sha256               char(64)     not null check (sha256 ~ '^[0-9a-f]{64}$'),
    image                boolean      not null,
    -- the thumbnail's type (image/png or image/jpeg), null when there is none
    thumbnail_type       varchar(32),
    -- the FileStorage id the bytes were written to (local, …)
    storage              varchar(32)  not null,
    uploader_account_id  bigint       not null references sec_account (id),
    uploader_employee_id bigint references dir_employee (id),
    uploaded_at          timestamptz  not null
);
create index file_object_sha256_ix on file_object (sha256);
create index file_object_uploader_ix on file_object (uploader_account_id, uploaded_at desc);
