package com.commhub.mail.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailRecipients extends JpaRepository<MailRecipient, Long> {
}
