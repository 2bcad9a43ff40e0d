-- When a message last changed in an indexed field (posted, released, discarded, edited, recalled): other nodes
-- re-index what changed since their last look (chat search on several nodes with local indexes).
alter table chat_message add column updated_at timestamptz;
update chat_message set updated_at = created_at;
alter table chat_message alter column updated_at set not null;
create index chat_message_updated_ix on chat_message (updated_at);
