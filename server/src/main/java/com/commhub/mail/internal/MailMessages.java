package com.commhub.mail.internal;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailMessages extends JpaRepository<MailMessage, Long> {
}
