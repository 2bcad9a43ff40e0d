package com.commhub.files.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Thumbnails of raster images with ImageIO. The dimensions are read from the header first, so a decompression bomb
 * (a small file that decodes to billions of pixels) is refused before any pixel is decoded; large images are
 * decoded subsampled, so memory stays bounded by the thumbnail, not the original.
 */
final class Thumbnails {

	/** A made thumbnail: its bytes in a temporary file and their type. */
	record Thumbnail(Path file, String contentType) {
	}

	/** The image's size in pixels, read from its header only. */
	record Dimensions(int width, int height) {

		long pixels() {
			return (long) width * height;
		}
	}

	private Thumbnails() {
	}

	/** The image's dimensions, or empty when no ImageIO reader understands it (e.g. WebP without a plugin). */
	static Optional<Dimensions> dimensions(Path image) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
			ImageReader reader = reader(in);
			if (reader == null) {
				return Optional.empty();
			}
			try {
				reader.setInput(in, true, true);
				return Optional.of(new Dimensions(reader.getWidth(0), reader.getHeight(0)));
			}
			finally {
				reader.dispose();
			}
		}
	}

	/**
	 * Fits the image into {@code box}×{@code box} (never enlarging): JPEG stays JPEG, everything else becomes PNG
	 * (keeps transparency). Empty when the image cannot be decoded.
	 */
	static Optional<Thumbnail> make(Path image, String contentType, Dimensions dimensions, int box)
			throws IOException {
		BufferedImage decoded;
		try (ImageInputStream in = ImageIO.createImageInputStream(image.toFile())) {
			ImageReader reader = reader(in);
			if (reader == null) {
				return Optional.empty();
			}
			try {
				reader.setInput(in, true, true);
				ImageReadParam param = reader.getDefaultReadParam();
				// decode at no less than twice the box, then scale smoothly: bounded memory, good quality
				int step = (int) Math.max(1, Math.floor(Math.max(dimensions.width(), dimensions.height()) / (2.0 * box)));
				param.setSourceSubsampling(step, step, 0, 0);
				decoded = reader.read(0, param);
			}
			finally {
				reader.dispose();
			}
		}
		catch (RuntimeException ex) {
			// ImageIO throws unchecked exceptions on some corrupt inputs
			throw new IOException("image could not be decoded", ex);
		}
		if (decoded == null || decoded.getWidth() <= 0 || decoded.getHeight() <= 0) {
			return Optional.empty();
		}
		double scale = Math.min(1.0, Math.min((double) box / decoded.getWidth(), (double) box / decoded.getHeight()));
		int width = Math.max(1, (int) Math.round(decoded.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(decoded.getHeight() * scale));
		boolean jpeg = "image/jpeg".equals(contentType);
		BufferedImage thumbnail = new BufferedImage(width, height,
				jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
		Graphics2D graphics = thumbnail.createGraphics();
		try {
			graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			graphics.drawImage(decoded, 0, 0, width, height, null);
		}
		finally {
			graphics.dispose();
		}
		Path out = java.nio.file.Files.createTempFile("commhub-thumb-", jpeg ? ".jpg" : ".png");
		try {
			if (!ImageIO.write(thumbnail, jpeg ? "jpeg" : "png", out.toFile())) {
				java.nio.file.Files.deleteIfExists(out);
				return Optional.empty();
			}
		}
		catch (IOException | RuntimeException ex) {
			java.nio.file.Files.deleteIfExists(out);
			throw ex instanceof IOException io ? io : new IOException("thumbnail could not be written", ex);
		}
		return Optional.of(new Thumbnail(out, jpeg ? "image/jpeg" : "image/png"));
	}

	private static ImageReader reader(ImageInputStream in) {
		if (in == null) {
			return null;
		}
		Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
		return readers.hasNext() ? readers.next() : null;
	}
}
