package com.commhub.mail;

/** An addressee as the sender typed it, with a readable name (person, department or group). */
public record AddresseeView(Addressee.Kind kind, long id, String name) {

	public Addressee addressee() {
		return new Addressee(kind, id);
	}
}
