package com.commhub.archive;

import java.util.List;
import java.util.UUID;

/** What one disposal run did: entries disposed, expired entries kept because of a legal hold, certificates. */
public record DisposalRun(UUID runId, int disposed, int held, List<Disposal> disposals) {
}
