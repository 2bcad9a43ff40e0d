-- One notification per recipient, kind and source: an event delivered twice (the publication registry resubmits
-- incomplete publications after a restart) does not notify twice.
create unique index ntf_notification_source_uq
    on ntf_notification (recipient_account_id, kind, source_module, source_id);
