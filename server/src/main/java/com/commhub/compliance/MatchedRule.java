package com.commhub.compliance;

/** A policy that matched, in the version that was evaluated. */
public record MatchedRule(long policyId, String code, String name, int version, PolicyAction action) {
}
