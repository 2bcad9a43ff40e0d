-- Nodes cache resolved permissions and API tokens (SecurityCache). Every change that can alter them increments this
-- counter in its own transaction; each node polls it and drops its caches when it moved.
create table security_change (
    id      smallint primary key check (id = 1),
    version bigint   not null
);
insert into security_change (id, version) values (1, 0);
