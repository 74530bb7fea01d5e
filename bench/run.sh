#!/usr/bin/env bash
# The benchmark (README "## Benchmark"): builds the application, starts an embedded PostgreSQL
# (durable commits), two Payara Micro servers and a loopback receiver, measures everything in one
# run and prints the table; the last line printed is the one-line summary. ~6 minutes on 2 cores.
# Extra arguments go to Maven, e.g. bench/run.sh -o -Dbench.jfr=true (profile the server with JFR).
set -euo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp -t autowebhook-bench.XXXXXX.log)
echo "Building and running the benchmark (Maven log: $log)..."
start=$(date +%s)
rm -f web/target/bench-result.md
if ! mvn -B -Pbench -pl web -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@" \
    >"$log" 2>&1; then
  tail -n 60 "$log"
  [ -f web/target/bench-result.md ] && cat web/target/bench-result.md
  echo "BENCHMARK FAILED after $(( $(date +%s) - start )) s (log: $log)"
  exit 1
fi
grep -h '^- \|^\[it\]' "$log" | grep '^\[it\]' || true
echo "Finished in $(( $(date +%s) - start )) s."
echo
cat web/target/bench-result.md
