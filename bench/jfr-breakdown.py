#!/usr/bin/env python3
"""Where the CPU time of a JFR recording goes (bench/run-chat.sh JFR=1): execution samples grouped
(1) by the subsystem of the frame nearest the leaf that belongs to a known library or CommHub module,
(2) by the CommHub module nearest the leaf (com.commhub.<module>), or none, (3) by thread name, and
(4) with --frames a,b,c: the share of samples with each given frame text anywhere on the stack (inclusive).
Usage: bench/jfr-breakdown.py recording.jfr [top-frames]"""
import collections
import os
import re
import subprocess
import sys

SUBSYSTEMS = [
    ("Argon2/bcrypt (password hashing)", ("org.bouncycastle.", "org.springframework.security.crypto.")),
    ("Lucene / Hibernate Search (indexing)", ("org.apache.lucene.", "org.hibernate.search.")),
    ("PostgreSQL JDBC driver", ("org.postgresql.",)),
    ("HikariCP", ("com.zaxxer.hikari.",)),
    ("Hibernate ORM", ("org.hibernate.",)),
    ("Jackson (JSON)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("CommHub compliance", ("com.commhub.compliance.",)),
    ("CommHub archive", ("com.commhub.archive.",)),
    ("CommHub chat", ("com.commhub.chat.",)),
    ("CommHub security", ("com.commhub.security.",)),
    ("CommHub other", ("com.commhub.",)),
    ("Spring Modulith (event registry)", ("org.springframework.modulith.",)),
    ("STOMP / WebSocket (Spring messaging)", ("org.springframework.messaging.", "org.springframework.web.socket.")),
    ("Tomcat WebSocket", ("org.apache.tomcat.websocket.",)),
    ("Spring Security filters", ("org.springframework.security.",)),
    ("Spring MVC / transactions / AOP", ("org.springframework.",)),
    ("Tomcat HTTP / NIO", ("org.apache.coyote.", "org.apache.catalina.", "org.apache.tomcat.")),
    ("Micrometer", ("io.micrometer.",)),
    ("Logging", ("ch.qos.logback.", "org.slf4j.")),
]


def samples(path):
    jfr = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "jfr")
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "512", path],
                         capture_output=True, text=True, check=True).stdout
    stack = None
    thread = "?"
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("sampledThread = "):
            thread = s[len("sampledThread = "):].strip('"')
            thread = re.sub(r'"? \(javaThreadId.*$', "", thread)
        elif s.startswith("stackTrace = ["):
            stack = []
        elif stack is not None:
            if s == "]" or s.startswith("]"):
                yield thread, stack
                stack = None
            elif s and s != "...":
                stack.append(re.sub(r"\s+line:.*$", "", s))


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--frames=")]
    frames = [a[len("--frames="):].split(",") for a in sys.argv[1:] if a.startswith("--frames=")]
    frames = frames[0] if frames else []
    inclusive = collections.Counter()
    path = args[0]
    top = int(args[1]) if len(args) > 1 else 25
    by_subsystem = collections.Counter()
    by_module = collections.Counter()
    by_thread = collections.Counter()
    leaf = collections.Counter()
    total = 0
    for thread, stack in samples(path):
        total += 1
        by_thread[re.sub(r"\d+", "N", thread) or "(virtual thread)"] += 1
        if stack:
            leaf[stack[0]] += 1
        for f in frames:
            if any(f in frame for frame in stack):
                inclusive[f] += 1
        subsystem = "JDK / other"
        for frame in stack:
            hit = next((name for name, prefixes in SUBSYSTEMS if frame.startswith(prefixes)), None)
            if hit:
                subsystem = hit
                break
        by_subsystem[subsystem] += 1
        module = "(no CommHub frame)"
        for frame in stack:
            m = re.match(r"com\.commhub\.(\w+)\.", frame)
            if m:
                module = m.group(1)
                break
        by_module[module] += 1
    print(f"{total} execution samples in {path}\n")
    print("| subsystem (frame nearest the leaf) | samples | share |\n|---|---:|---:|")
    for name, n in by_subsystem.most_common():
        print(f"| {name} | {n} | {100.0 * n / total:.1f}% |")
    print("\n| CommHub module nearest the leaf | samples | share |\n|---|---:|---:|")
    for name, n in by_module.most_common():
        print(f"| {name} | {n} | {100.0 * n / total:.1f}% |")
    print("\n| thread (digits as N; virtual threads have no name) | samples | share |\n|---|---:|---:|")
    for name, n in by_thread.most_common(12):
        print(f"| {name} | {n} | {100.0 * n / total:.1f}% |")
    print(f"\nTop {top} leaf frames:")
    for frame, n in leaf.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {frame}")
    if frames:
        print("\nInclusive (samples with the frame anywhere on the stack):")
        for f in frames:
            print(f"  {100.0 * inclusive[f] / total:5.1f}%  {f}")


if __name__ == "__main__":
    main()
