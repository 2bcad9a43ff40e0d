package com.commhub.files;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.commhub.Api;

/** Multipart uploads with UTF-8 file names (as browsers send them) and real images made with ImageIO. */
final class FileUploads {

	private FileUploads() {
	}

	/** {@code POST /api/v1/files} as the persona; the body of the answer as a map (StoredFile or problem). */
	@SuppressWarnings("unchecked")
	static ResponseEntity<Map<String, Object>> upload(Api api, String persona, String filename, String contentType,
			byte[] content) {
		String boundary = "----commhub-test-" + System.nanoTime();
		return (ResponseEntity<Map<String, Object>>) (ResponseEntity<?>) api.raw()
			.post()
			.uri("/api/v1/files")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + api.tokenOf(persona))
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
			.body(multipart(boundary, filename, contentType, content))
			.retrieve()
			.toEntity(Map.class);
	}

	static byte[] multipart(String boundary, String filename, String contentType, byte[] content) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\n" + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n") + "\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A real image in the format ImageIO writes ("png", "jpeg", "gif"): a gradient with a diagonal. */
	static byte[] image(String format, int width, int height) {
		boolean alpha = format.equals("png");
		BufferedImage image = new BufferedImage(width, height,
				alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int x = 0; x < width; x += 10) {
			g.setColor(new Color(x * 255 / width, 80, 160, alpha ? 200 : 255));
			g.fillRect(x, 0, 10, height);
		}
		g.setColor(Color.WHITE);
		g.drawLine(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * A real decompression bomb: a valid PNG of {@code width}×{@code height} black RGB pixels whose rows of zeros
	 * deflate to a few hundred kilobytes but would decode to width×height×4 bytes.
	 */
	static byte[] pngBomb(int width, int height) {
		try {
			ByteArrayOutputStream idat = new ByteArrayOutputStream();
			try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat,
					new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
				byte[] row = new byte[1 + width * 3];
				for (int y = 0; y < height; y++) {
					deflate.write(row);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			png.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
			ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
			DataOutputStream header = new DataOutputStream(ihdr);
			header.writeInt(width);
			header.writeInt(height);
			header.writeByte(8); // bit depth
			header.writeByte(2); // RGB
			header.writeByte(0);
			header.writeByte(0);
			header.writeByte(0);
			chunk(png, "IHDR", ihdr.toByteArray());
			chunk(png, "IDAT", idat.toByteArray());
			chunk(png, "IEND", new byte[0]);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
		DataOutputStream out = new DataOutputStream(png);
		out.writeInt(data.length);
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.write(typeBytes);
		out.write(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeInt((int) crc.getValue());
	}
}
