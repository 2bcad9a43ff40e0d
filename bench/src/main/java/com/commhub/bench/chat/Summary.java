package com.commhub.bench.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints the Markdown summary of a relay run and a CommHub run with the same steps, and their ratios. */
final class Summary {

	private Summary() {
	}

	static void print(Path relayFile, Path commhubFile, double goalP99) throws Exception {
		Map<Integer, Map<String, String>> relay = read(relayFile);
		Map<Integer, Map<String, String>> commhub = read(commhubFile);
		List<Integer> rates = new ArrayList<>(relay.keySet());
		commhub.keySet().stream().filter(r -> !rates.contains(r)).forEach(rates::add);
		rates.sort(null);
		StringBuilder out = new StringBuilder();
		out.append("| posts/s | target | s | posts | post errors | deliveries | lost | dup | p50 ms | p95 ms | p99 ms"
				+ " | max ms | delivered/s | post call p50/p99 ms | CPU cores load/server/db |\n");
		out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (int rate : rates) {
			for (var entry : List.of(Map.entry("relay", relay), Map.entry("CommHub", commhub))) {
				Map<String, String> r = entry.getValue().get(rate);
				if (r == null) {
					out.append("| %d | %s | – | not run ||||||||||||%n".formatted(rate, entry.getKey()));
					continue;
				}
				out.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s/%s | %s | %s | %s | %s | %s | %s | %s | %s/%s | %s/%s/%s |%n",
						rate, entry.getKey(), r.get("seconds"), r.get("posts"), r.get("postErrors"), r.get("delivered"),
						r.get("expected"), r.get("lost"), r.get("duplicates"), one(r.get("p50")), one(r.get("p95")),
						one(r.get("p99")), one(r.get("max")), whole(r.get("deliveredPerSecond")), one(r.get("postP50")),
						one(r.get("postP99")), cores(r.get("cpuLoad")), cores(r.get("cpuServer")),
						cores(r.get("cpuDb"))));
			}
		}
		out.append("\n| posts/s | p99 CommHub / relay | delivered/s CommHub / relay |\n|---:|---:|---:|\n");
		for (int rate : rates) {
			Map<String, String> r = relay.get(rate);
			Map<String, String> c = commhub.get(rate);
			if (r == null || c == null) {
				continue;
			}
			out.append(String.format(Locale.ROOT, "| %d | %.1f× | %.2f× |%n", rate, d(c, "p99") / d(r, "p99"),
					d(c, "deliveredPerSecond") / d(r, "deliveredPerSecond")));
		}
		out.append('\n');
		for (var entry : List.of(Map.entry("relay", relay), Map.entry("CommHub", commhub))) {
			int best = -1;
			for (var step : entry.getValue().entrySet()) {
				Map<String, String> r = step.getValue();
				if (d(r, "p99") <= goalP99 && d(r, "lost") == 0 && d(r, "postErrors") == 0 && step.getKey() > best) {
					best = step.getKey();
				}
			}
			out.append(String.format(Locale.ROOT, "- %s: highest measured rate with p99 ≤ %.0f ms and nothing lost: %s%n",
					entry.getKey(), goalP99, best < 0 ? "none" : best + " posts/s (" + best * 20 + " deliveries/s)"));
		}
		System.out.print(out);
	}

	private static Map<Integer, Map<String, String>> read(Path file) throws Exception {
		Map<Integer, Map<String, String>> steps = new LinkedHashMap<>();
		if (!Files.exists(file)) {
			return steps;
		}
		List<String> lines = Files.readAllLines(file);
		String[] header = lines.getFirst().split("\t");
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split("\t");
			Map<String, String> row = new LinkedHashMap<>();
			for (int i = 0; i < header.length && i < f.length; i++) {
				row.put(header[i], f[i]);
			}
			steps.put(Integer.parseInt(row.get("rate")), row);
		}
		return steps;
	}

	private static double d(Map<String, String> row, String key) {
		return Double.parseDouble(row.get(key));
	}

	private static String one(String value) {
		return String.format(Locale.ROOT, "%.1f", Double.parseDouble(value));
	}

	private static String cores(String value) {
		if (value == null || value.equals("NaN")) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.2f", Double.parseDouble(value));
	}

	private static String whole(String value) {
		return String.format(Locale.ROOT, "%,.0f", Double.parseDouble(value));
	}
}
