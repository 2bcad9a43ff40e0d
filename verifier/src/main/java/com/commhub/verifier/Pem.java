package com.commhub.verifier;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The Ed25519 public key as a PEM "PUBLIC KEY" block (X.509 SubjectPublicKeyInfo). */
public final class Pem {

	private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
	private static final String END = "-----END PUBLIC KEY-----";

	private Pem() {
	}

	public static String encode(PublicKey key) {
		return BEGIN + "\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(key.getEncoded()) + "\n"
				+ END + "\n";
	}

	public static PublicKey decode(String pem) throws GeneralSecurityException {
		int begin = pem.indexOf(BEGIN);
		int end = pem.indexOf(END);
		if (begin < 0 || end < begin) {
			throw new GeneralSecurityException("not a PEM public key");
		}
		String body = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
	}
}
