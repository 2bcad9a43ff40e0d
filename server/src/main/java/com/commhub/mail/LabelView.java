package com.commhub.mail;

/** A label of the viewer's (labels are personal); {@code colour} is {@code #rrggbb}. */
public record LabelView(long id, String name, String colour) {
}
