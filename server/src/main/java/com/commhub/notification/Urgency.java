package com.commhub.notification;

/** URGENT notifications ignore quiet hours; NORMAL ones created during quiet hours wait for working hours. */
public enum Urgency {
	URGENT, NORMAL
}
