package com.commhub.mail.web;

/**
 * A suggestion of the recipient pickers: the addressee's {@code value} ({@code EMPLOYEE:12}), its readable
 * {@code label}, its {@code kind} and a {@code detail} to tell namesakes apart (department, parent department).
 */
record RecipientOption(String value, String label, String kind, String detail) {
}
