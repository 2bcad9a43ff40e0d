#!/usr/bin/env python3
"""Turns the JMH JSON results and BenchData's statistics into the summary table (Markdown) of bench/run.sh."""
import json
import sys

data = json.load(open(sys.argv[1]))
results = json.load(open(sys.argv[2]))
MB = 1_000_000  # MB = 10^6 bytes of UTF-8 text


def name(r):
    return r["benchmark"].rsplit(".", 1)[1]


def find(bench, **params):
    for r in results:
        if name(r) == bench and all(r.get("params", {}).get(k) == v for k, v in params.items()):
            return r["primaryMetric"]
    return None


mean_bytes = data["corpusMeanBytes"]
out = []
out.append(f"Corpus: {data['corpusMessages']:,} messages, mean {data['corpusMeanChars']:.0f} chars / "
           f"{mean_bytes:.0f} UTF-8 bytes; dictionary {data['dictionaryTerms']:,} terms "
           f"({data['automatonNodes']:,} automaton nodes); findings per message: "
           + ", ".join(f"{k} {v:g}" for k, v in data["findingsPerMessage"].items()))
out.append("")
out.append("### Throughput (one thread = one core; one operation = one corpus message)")
out.append("")
out.append("| Benchmark | messages/s | MB/s per core | vs regex alternation | vs org.ahocorasick |")
out.append("|---|---:|---:|---:|---:|")
rows = [
    ("commhubFull", "CommHub full pass (normalise + 7 validated detectors + 100k-term keywords)"),
    ("commhubKeywords", "CommHub keywords only (normalise + automaton + findings)"),
    ("commhubAutomaton", "CommHub automaton only (raw text, counting matches)"),
    ("regexAlternation", "Baseline A: java.util.regex, 100k-term alternation"),
    ("ahoCorasickLibrary", "Baseline B: org.ahocorasick Trie (EmitHandler, counting)"),
    ("ahoCorasickLibraryCollect", "Baseline B': org.ahocorasick parseText() (collects a list)"),
]
regex = find("regexAlternation")
library = find("ahoCorasickLibrary")
throughput = {}
for bench, label in rows:
    m = find(bench)
    if m is None:
        continue
    mbs = m["score"] * mean_bytes / MB
    throughput[bench] = mbs
    try:
        err = float(m["scoreError"]) * mean_bytes / MB
    except (TypeError, ValueError):
        err = float("nan")
    vs_regex = f"{m['score'] / regex['score']:,.0f}×" if regex else "–"
    vs_lib = f"{m['score'] / library['score']:.2f}×" if library else "–"
    out.append(f"| {label} | {m['score']:,.0f} | {mbs:,.2f} ± {err:,.2f} | {vs_regex} | {vs_lib} |")
out.append("")

detectors = [r for r in results if name(r) == "commhubDetector"]
if detectors:
    out.append("### One validated detector alone (normalisation included)")
    out.append("")
    out.append("| Detector | messages/s | MB/s per core | µs per message |")
    out.append("|---|---:|---:|---:|")
    for r in sorted(detectors, key=lambda r: r["primaryMetric"]["score"]):
        m = r["primaryMetric"]
        out.append(f"| {r['params']['id']} | {m['score']:,.0f} | {m['score'] * mean_bytes / MB:,.2f} | "
                   f"{1e6 / m['score']:,.1f} |")
    out.append("")

latency = find("commhubLatency500")
p99_us = None
if latency:
    p = latency["scorePercentiles"]
    unit = latency["scoreUnit"]
    scale = 1000.0 if unit.startswith("ns") else 1.0
    p99_us = p["99.0"] / scale
    out.append(f"### Latency of the full pass per message (SampleTime, mean {data['latencyMeanBytes']:.0f} bytes)")
    out.append("")
    out.append("| p50 | p90 | p99 | p99.9 | max |")
    out.append("|---:|---:|---:|---:|---:|")
    out.append("| " + " | ".join(f"{p[k] / scale:,.1f} µs" for k in ("50.0", "90.0", "99.0", "99.9", "100.0")) + " |")
    out.append("")

adversarial = [r for r in results if name(r) == "commhubAdversarial"]
worst = None
if adversarial:
    inputs = data["inputs"]
    med = next((r for r in adversarial if r["params"]["input"] == "median"), None)
    out.append("### Adversarial inputs (full pass, AverageTime) against the median corpus message")
    out.append("")
    out.append("| Input | bytes | µs per message | ns per byte | ratio per byte | ratio per message |")
    out.append("|---|---:|---:|---:|---:|---:|")
    med_ns = med["primaryMetric"]["score"] if med else None
    med_per_byte = med_ns / inputs["median"]["bytes"] if med else None
    for r in sorted(adversarial, key=lambda r: r["params"]["input"] != "median"):
        key = r["params"]["input"]
        ns = r["primaryMetric"]["score"]
        size = inputs[key]["bytes"]
        per_byte = ns / size
        ratio_byte = per_byte / med_per_byte if med else float("nan")
        ratio_msg = ns / med_ns if med else float("nan")
        if key != "median" and (worst is None or ratio_byte > worst[1]):
            worst = (key, ratio_byte, ratio_msg)
        out.append(f"| {key} | {size:,} | {ns / 1000:,.1f} | {per_byte:,.1f} | {ratio_byte:.2f}× | {ratio_msg:,.1f}× |")
    out.append("")

out.append("### Goals (issue 4)")
out.append("")
out.append("| Goal | Measured | Met |")
out.append("|---|---|---|")
full = throughput.get("commhubFull")
if full is not None:
    out.append(f"| ≥ 200 MB/s per core, everything on | {full:,.2f} MB/s | {'met' if full >= 200 else 'not met'} |")
if p99_us is not None:
    out.append(f"| p99 ≤ 10 µs per 500-byte message | {p99_us:,.1f} µs | {'met' if p99_us <= 10 else 'not met'} |")
if worst:
    out.append(f"| worst adversarial input ≤ 10× the median message (per byte) | {worst[0]}: {worst[1]:.2f}× per byte "
               f"({worst[2]:,.1f}× per message) | {'met' if worst[1] <= 10 else 'not met'} |")
print("\n".join(out))
