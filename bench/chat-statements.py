"""Counts the SQL statements a Spring Boot log shows between two UTC times (see chat-statements.sh).

usage: chat-statements.py <server.log> <start ISO UTC> <end ISO UTC> <posts>
Prints the total and per-post count, by thread kind, then each distinct statement (first 120 characters) with its
count per post, most frequent first.
"""
import collections
import re
import sys

log, start, end, posts = sys.argv[1], sys.argv[2][:23], sys.argv[3][:23], int(sys.argv[4])
LINE = re.compile(r'(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+)Z\s+\w+\s+\d+ --- \[[^\]]*\] \[\s*([^\]]*)\] (\S+)\s*: (.*)')
entries = []
for line in open(log, encoding='utf-8', errors='replace'):
    m = LINE.match(line)
    if m:
        entries.append([m.group(1), m.group(2), m.group(3), m.group(4)])
    elif entries:
        entries[-1][3] += ' ' + line.strip()  # a statement logged over several lines
counts = collections.Counter()
threads = collections.Counter()
for ts, thread, logger, message in entries:
    if not start <= ts[:23] <= end or not (logger.endswith('JdbcTemplate') or logger == 'org.hibernate.SQL'):
        continue
    sql = re.sub(r'^Executing (prepared )?SQL (statement|query|update)( and returning generated keys)? ?', '', message)
    sql = re.sub(r'\s+', ' ', sql).strip(' []')
    if not sql or sql.startswith('Setting'):
        continue  # JdbcTemplate's line before the statement itself
    counts[sql[:120]] += 1
    threads['request' if 'handler' in thread or thread.startswith('http') else thread.split('-')[0]] += 1
total = sum(counts.values())
print(f"statements: {total}, per post: {total / posts:.1f}; by thread: {dict(threads)}")
for sql, count in counts.most_common():
    print(f"{count / posts:6.2f}  {sql}")
