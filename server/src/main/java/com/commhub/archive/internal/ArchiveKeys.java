package com.commhub.archive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.commhub.verifier.CanonicalEncoding;
import com.commhub.verifier.Pem;

/**
 * The archive's keys, kept in files under {@code commhub.archive.key-dir} (default {@code ./data/keys}), never in
 * the database: the AES-256 content key ({@code archive-content.key}) and the Ed25519 checkpoint signing key pair
 * ({@code archive-signing.key}, {@code archive-public.pem}). Created on first start, owner-only (0600, directory 0700).
 */
@Component
public class ArchiveKeys {

	private static final Logger log = LoggerFactory.getLogger(ArchiveKeys.class);
	static final String CONTENT_KEY_FILE = "archive-content.key";
	static final String SIGNING_KEY_FILE = "archive-signing.key";
	static final String PUBLIC_KEY_FILE = "archive-public.pem";
	private static final byte[] AAD = "commhub.archive.content.v1".getBytes(StandardCharsets.US_ASCII);
	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();
	private final Path directory;
	private final SecretKey contentKey;
	private final String contentKeyId;
	private final PrivateKey signingKey;
	private final PublicKey publicKey;
	private final String publicKeyId;

	ArchiveKeys(@Value("${commhub.archive.key-dir:./data/keys}") String directory) {
		this.directory = Path.of(directory).toAbsolutePath();
		try {
			createDirectory();
			byte[] aes = loadOrCreateContentKey();
			this.contentKey = new SecretKeySpec(aes, "AES");
			this.contentKeyId = id(aes);
			KeyPair pair = loadOrCreateSigningKeys();
			this.signingKey = pair.getPrivate();
			this.publicKey = pair.getPublic();
			this.publicKeyId = id(publicKey.getEncoded());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("archive keys in " + this.directory, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("archive keys in " + this.directory, ex);
		}
	}

	/** Where the key files are. */
	public Path directory() {
		return directory;
	}

	public PublicKey publicKey() {
		return publicKey;
	}

	public String publicKeyPem() {
		return Pem.encode(publicKey);
	}

	public String publicKeyId() {
		return publicKeyId;
	}

	String contentKeyId() {
		return contentKeyId;
	}

	record Sealed(byte[] ciphertext, byte[] nonce, String keyId) {
	}

	Sealed encrypt(byte[] plain) {
		byte[] nonce = new byte[NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, contentKey, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(AAD);
			return new Sealed(cipher.doFinal(plain), nonce, contentKeyId);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("archive encryption", ex);
		}
	}

	/** Decrypts; a changed ciphertext, nonce or key fails the GCM tag check with an exception. */
	byte[] decrypt(byte[] ciphertext, byte[] nonce, String keyId) throws GeneralSecurityException {
		if (!contentKeyId.equals(keyId)) {
			throw new GeneralSecurityException("unknown archive content key " + keyId);
		}
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, contentKey, new GCMParameterSpec(128, nonce));
		cipher.updateAAD(AAD);
		return cipher.doFinal(ciphertext);
	}

	byte[] sign(byte[] message) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(signingKey);
			signature.update(message);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("checkpoint signature", ex);
		}
	}

	private void createDirectory() throws IOException {
		if (!Files.isDirectory(directory)) {
			Files.createDirectories(directory);
			restrict(directory, "rwx------");
		}
	}

	private byte[] loadOrCreateContentKey() throws IOException {
		Path file = directory.resolve(CONTENT_KEY_FILE);
		if (!Files.exists(file)) {
			byte[] key = new byte[32];
			random.nextBytes(key);
			writeNew(file, Base64.getEncoder().encodeToString(key) + "\n", "rw-------");
			log.info("Created the archive content key {}", file);
		}
		byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
		if (key.length != 32) {
			throw new IOException(file + " does not hold a 256-bit key");
		}
		return key;
	}

	private KeyPair loadOrCreateSigningKeys() throws IOException, GeneralSecurityException {
		Path privateFile = directory.resolve(SIGNING_KEY_FILE);
		Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
		if (!Files.exists(privateFile)) {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			writeNew(publicFile, Pem.encode(pair.getPublic()), "rw-r--r--");
			writeNew(privateFile, "-----BEGIN PRIVATE KEY-----\n"
					+ Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(pair.getPrivate().getEncoded())
					+ "\n-----END PRIVATE KEY-----\n", "rw-------");
			log.info("Created the archive signing key {} (public key {})", privateFile, publicFile);
		}
		String pem = Files.readString(privateFile, StandardCharsets.US_ASCII);
		String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
			.replaceAll("\\s", "");
		PrivateKey privateKey = KeyFactory.getInstance("Ed25519")
			.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
		PublicKey key = Pem.decode(Files.readString(publicFile, StandardCharsets.US_ASCII));
		return new KeyPair(key, privateKey);
	}

	private static void writeNew(Path file, String text, String permissions) throws IOException {
		Path temporary = Files.createTempFile(file.getParent(), ".new-", ".tmp");
		restrict(temporary, "rw-------");
		Files.writeString(temporary, text, StandardCharsets.US_ASCII);
		restrict(temporary, permissions);
		try {
			// never replaces an existing key (another node or process may have created it meanwhile)
			Files.move(temporary, file);
		}
		catch (FileAlreadyExistsException ex) {
			Files.deleteIfExists(temporary);
		}
	}

	private static void restrict(Path path, String permissions) throws IOException {
		try {
			Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system (Windows): rely on the directory's ACL
		}
	}

	private static String id(byte[] key) {
		return CanonicalEncoding.hex(CanonicalEncoding.sha256(key)).substring(0, 16);
	}
}
