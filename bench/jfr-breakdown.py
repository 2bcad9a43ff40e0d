#!/usr/bin/env python3
"""Where the CPU time of a JFR recording goes (bench/run-chat.sh JFR=1): execution samples grouped
(1) by the subsystem of the frame nearest the leaf that belongs to a known library or CommHub module, and
(2) by the CommHub module nearest the leaf (com.commhub.<module>), or none.
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
    out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "96", path],
                         capture_output=True, text=True, check=True).stdout
    stack = None
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("stackTrace = ["):
            stack = []
        elif stack is not None:
            if s == "]" or s.startswith("]"):
                yield stack
                stack = None
            elif s and s != "...":
                stack.append(re.sub(r"\s+line:.*$", "", s))


def main():
    path = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    by_subsystem = collections.Counter()
    by_module = collections.Counter()
    leaf = collections.Counter()
    total = 0
    for stack in samples(path):
        total += 1
        if stack:
            leaf[stack[0]] += 1
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
    print(f"\nTop {top} leaf frames:")
    for frame, n in leaf.most_common(top):
        print(f"  {100.0 * n / total:5.1f}%  {frame}")


if __name__ == "__main__":
    main()
