package com.commhub.mail.web;

/**
 * One chosen recipient or attachment as the composer shows it: the form {@code field} it belongs to, the submitted
 * {@code value} ({@code EMPLOYEE:12} or a file id), the readable {@code label} and the {@code kind} for its colour.
 */
record Chip(String field, String value, String label, String kind) {
}
