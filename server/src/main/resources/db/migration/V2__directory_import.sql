-- DIR-7: bulk import of departments and employees. A batch holds the parsed rows of one uploaded file and the
-- errors of its dry run; it is confirmed (imported) at most once, and only when it has no errors.
-- No password is ever stored here: generated initial passwords are shown once and never written down.
create table dir_import_batch (
    id                    bigserial primary key,
    kind                  varchar(16)  not null,
    file_name             varchar(255) not null,
    status                varchar(16)  not null,
    row_count             integer      not null,
    error_count           integer      not null,
    rows_json             text         not null,
    errors_json           text         not null,
    created_by            varchar(64)  not null,
    created_by_account_id bigint       not null,
    created_at            timestamptz  not null,
    imported_at           timestamptz,
    created_count         integer,
    version               bigint       not null default 0
);
create index dir_import_batch_creator_ix on dir_import_batch (created_by_account_id, id desc);
