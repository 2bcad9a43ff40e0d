package com.commhub.files.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a file is, decided by its extension and checked against its first bytes. The declared content type of an
 * upload is never trusted on its own: the stored type comes from the extension, a declared image type must match
 * the bytes, and executables and scripts are refused by extension and by magic bytes whatever they are called.
 */
final class FileTypes {

	/** Types a browser may show inline; SVG is not among them (it is a script container). */
	static final Set<String> RASTER_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

	private static final Map<String, String> BY_EXTENSION = Map.ofEntries(Map.entry("png", "image/png"),
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("gif", "image/gif"),
			Map.entry("webp", "image/webp"), Map.entry("pdf", "application/pdf"), Map.entry("txt", "text/plain"),
			Map.entry("log", "text/plain"), Map.entry("md", "text/plain"), Map.entry("csv", "text/csv"),
			Map.entry("zip", "application/zip"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("odt", "application/vnd.oasis.opendocument.text"),
			Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
			Map.entry("odp", "application/vnd.oasis.opendocument.presentation"), Map.entry("svg", "image/svg+xml"),
			Map.entry("html", "text/html"), Map.entry("htm", "text/html"));

	/** Refused even when an administrator allows their type: they run code when opened. */
	private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of("exe", "dll", "com", "bat", "cmd", "msi", "msp",
			"scr", "pif", "cpl", "sys", "drv", "ocx", "ps1", "psm1", "psd1", "vbs", "vbe", "js", "jse", "mjs", "wsf",
			"wsh", "hta", "lnk", "reg", "inf", "sh", "bash", "zsh", "csh", "ksh", "command", "app", "elf", "bin",
			"run", "so", "dylib", "jar", "class", "py", "pyc", "pl", "rb", "php", "phtml", "asp", "aspx", "jsp", "cgi",
			"apk", "deb", "rpm", "dmg", "pkg", "appimage", "svg", "svgz", "html", "htm", "xhtml", "shtml", "xml",
			"swf", "xsl", "xslt");

	/** The container format the bytes must show, for types that have one. */
	private static final Map<String, Magic> MAGIC = Map.ofEntries(Map.entry("image/png", Magic.PNG),
			Map.entry("image/jpeg", Magic.JPEG), Map.entry("image/gif", Magic.GIF), Map.entry("image/webp", Magic.WEBP),
			Map.entry("application/pdf", Magic.PDF), Map.entry("application/zip", Magic.ZIP),
			Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", Magic.ZIP),
			Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Magic.ZIP),
			Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", Magic.ZIP),
			Map.entry("application/vnd.oasis.opendocument.text", Magic.ZIP),
			Map.entry("application/vnd.oasis.opendocument.spreadsheet", Magic.ZIP),
			Map.entry("application/vnd.oasis.opendocument.presentation", Magic.ZIP),
			Map.entry("application/msword", Magic.OLE), Map.entry("application/vnd.ms-excel", Magic.OLE),
			Map.entry("application/vnd.ms-powerpoint", Magic.OLE));

	/** How many leading bytes {@link #sniff} and {@link #executable} look at. */
	static final int HEAD = 16;

	enum Magic {
		PNG, JPEG, GIF, WEBP, PDF, ZIP, OLE;

		boolean matches(byte[] head) {
			return switch (this) {
				case PNG -> startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
				case JPEG -> startsWith(head, 0xFF, 0xD8, 0xFF);
				case GIF -> startsWith(head, 'G', 'I', 'F', '8', '7', 'a') || startsWith(head, 'G', 'I', 'F', '8', '9', 'a');
				case WEBP -> startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W'
						&& head[9] == 'E' && head[10] == 'B' && head[11] == 'P';
				case PDF -> startsWith(head, '%', 'P', 'D', 'F', '-');
				// local file header, or the end record of an empty archive
				case ZIP -> startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6);
				case OLE -> startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1);
			};
		}
	}

	private FileTypes() {
	}

	static String extension(String filename) {
		int dot = filename.lastIndexOf('.');
		return dot < 0 || dot == filename.length() - 1 ? "" : filename.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	static boolean executableExtension(String filename) {
		// "report.exe.txt" is harmless, "report.pdf.exe" is not: only the last extension counts, but a trailing dot
		// or space (which Windows strips) must not hide it
		String trimmed = filename.strip();
		while (trimmed.endsWith(".")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
		}
		return EXECUTABLE_EXTENSIONS.contains(extension(trimmed));
	}

	/** The extensions accepted for these types, for telling the user what they may upload ("csv, doc, …"). */
	static String extensionsOf(Set<String> allowedTypes) {
		return BY_EXTENSION.entrySet().stream()
			.filter(e -> allowedTypes.contains(e.getValue()) && !EXECUTABLE_EXTENSIONS.contains(e.getKey()))
			.map(Map.Entry::getKey)
			.sorted()
			.collect(java.util.stream.Collectors.joining(", "));
	}

	/** The content type the extension stands for, if it is one we know. */
	static Optional<String> byExtension(String filename) {
		return Optional.ofNullable(BY_EXTENSION.get(extension(filename)));
	}

	/** Whether the bytes must show a container format for this type, and do not. */
	static boolean contradicts(String contentType, byte[] head) {
		Magic magic = MAGIC.get(contentType);
		return magic != null && !magic.matches(head);
	}

	/** The raster image format the bytes show, if any. */
	static Optional<String> imageTypeOf(byte[] head) {
		for (String type : RASTER_IMAGES) {
			if (MAGIC.get(type).matches(head)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

	/** Native executables (PE, ELF, Mach-O), Java classes and scripts with a shebang line. */
	static boolean executable(byte[] head) {
		return startsWith(head, 'M', 'Z') || startsWith(head, 0x7F, 'E', 'L', 'F')
				|| startsWith(head, 0xFE, 0xED, 0xFA, 0xCE) || startsWith(head, 0xFE, 0xED, 0xFA, 0xCF)
				|| startsWith(head, 0xCE, 0xFA, 0xED, 0xFE) || startsWith(head, 0xCF, 0xFA, 0xED, 0xFE)
				|| startsWith(head, 0xCA, 0xFE, 0xBA, 0xBE) || startsWith(head, '#', '!')
				|| startsWith(head, 0xEF, 0xBB, 0xBF, '#', '!');
	}

	/** Canonical form of a declared type: lower case, parameters dropped; empty when none was declared. */
	static String normalise(String declared) {
		if (declared == null) {
			return "";
		}
		int semicolon = declared.indexOf(';');
		return (semicolon < 0 ? declared : declared.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
	}

	/** image/jpg and image/pjpeg are what some clients send for JPEG. */
	static String canonicalImageType(String declared) {
		return switch (declared) {
			case "image/jpg", "image/pjpeg" -> "image/jpeg";
			case "image/x-png" -> "image/png";
			default -> declared;
		};
	}

	private static boolean startsWith(byte[] head, int... expected) {
		if (head.length < expected.length) {
			return false;
		}
		return Arrays.equals(Arrays.copyOf(head, expected.length), toBytes(expected));
	}

	private static byte[] toBytes(int[] values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}
}
