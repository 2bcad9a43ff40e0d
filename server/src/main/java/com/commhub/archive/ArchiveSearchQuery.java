package com.commhub.archive;

/**
 * A search within an approved access request's scope, as typed; every field is optional. {@code q} is full text
 * (Chinese word-segmented; all words must occur), {@code party} a 工号 or party string, {@code from}/{@code to}
 * ISO dates or instants, {@code kind} a {@link RecordKind} name, {@code classification} a level.
 */
public record ArchiveSearchQuery(String q, String kind, String party, String from, String to, String classification) {

	public static ArchiveSearchQuery all() {
		return new ArchiveSearchQuery(null, null, null, null, null, null);
	}
}
