package com.commhub.verifier;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removed content must be accounted for (ARC-3): an entry whose content is gone while its {@code content_sha256} is
 * still set was disposed, and a sealed {@code DISPOSAL_CERTIFICATE} entry later in the chain must list it (id and
 * position). Certificates are always sealed after the entries they list, so walking in position order suffices.
 * Fed only rows that already verified, so a certificate's own content is checked against its hash first.
 */
final class DisposalCheck {

	static final String CERTIFICATE_KIND = "DISPOSAL_CERTIFICATE";
	static final String CERTIFICATE_FORMAT = "\"format\":\"commhub.archive.disposal.v1\"";

	/** Each listed entry starts with its id and position: {@code {"id":12,"position":34,…}}. */
	private static final Pattern LISTED = Pattern.compile("\\{\"id\":(\\d+),\"position\":(\\d+)");

	/** position → id of removed content not yet listed by a certificate. */
	private final TreeMap<Long, Long> uncertified = new TreeMap<>();
	private long disposed;

	void accept(EntryRow row) {
		if (row.content() == null && row.contentSha256() != null) {
			disposed++;
			uncertified.put(row.position(), row.id());
		}
		if (CERTIFICATE_KIND.equals(row.kind()) && row.plainContent()) {
			String json = new String(row.content(), StandardCharsets.UTF_8);
			if (json.contains(CERTIFICATE_FORMAT)) {
				Matcher listed = LISTED.matcher(json);
				while (listed.find()) {
					uncertified.remove(Long.parseLong(listed.group(2)), Long.parseLong(listed.group(1)));
				}
			}
		}
	}

	long disposed() {
		return disposed;
	}

	/** The first position whose content was removed without a certificate, or null. */
	Map.Entry<Long, Long> firstUncertified() {
		return uncertified.firstEntry();
	}
}
