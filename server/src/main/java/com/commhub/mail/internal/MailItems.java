package com.commhub.mail.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.commhub.mail.MailFolder;

interface MailItems extends JpaRepository<MailItem, Long> {

	@Query("select i from MailItem i join fetch i.mail where i.id = ?1 and i.ownerEmployeeId = ?2 and i.hiddenAt is null")
	Optional<MailItem> findVisible(long itemId, long ownerEmployeeId);

	Optional<MailItem> findByMailIdAndOwnerEmployeeId(long mailId, long ownerEmployeeId);

	@Query(value = "select i from MailItem i join fetch i.mail where i.ownerEmployeeId = ?1 and i.folder = ?2 and i.hiddenAt is null"
			+ " and (?3 is null or i.customFolderId = ?3) order by i.sortAt desc, i.id desc",
			countQuery = "select count(i) from MailItem i where i.ownerEmployeeId = ?1 and i.folder = ?2 and i.hiddenAt is null"
					+ " and (?3 is null or i.customFolderId = ?3)")
	Page<MailItem> findInFolder(long ownerEmployeeId, MailFolder.Kind folder, Long customFolderId, Pageable pageable);

	@Query("select i from MailItem i join fetch i.mail m where i.ownerEmployeeId = ?1 and m.threadId = ?2 and i.hiddenAt is null"
			+ " order by coalesce(m.sentAt, m.updatedAt), i.id")
	List<MailItem> findThread(long ownerEmployeeId, long threadId);

	List<MailItem> findByMailId(long mailId);

	@Query("select i from MailItem i where i.ownerEmployeeId = ?1 and ?2 member of i.labelIds")
	List<MailItem> findLabelled(long ownerEmployeeId, long labelId);

	List<MailItem> findByOwnerEmployeeIdAndCustomFolderId(long ownerEmployeeId, long customFolderId);
}
