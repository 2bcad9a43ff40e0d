package com.commhub.chat;

/**
 * Where a message stands. Only DELIVERED and RECALLED messages have a {@code seq} and are seen by the members; held
 * and quarantined messages are seen by their sender alone until compliance releases (→ DELIVERED) or discards them.
 */
public enum MessageState {
	DELIVERED, HELD_FOR_APPROVAL, QUARANTINED, DISCARDED, RECALLED
}
