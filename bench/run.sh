#!/usr/bin/env bash
# CLI benchmarks: full build, and whole-process `gaiko country KOR --json`.
# Measured with hyperfine (Debian package); results are written to bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "install hyperfine (apt-get install hyperfine)"; exit 2; }
mkdir -p bench/results
BIN=.venv/bin
hyperfine --warmup 2 --runs 15 --export-json bench/results/build.json \
  "$BIN/gaiko build --data data --db /tmp/gaiko-bench.db"
hyperfine --warmup 3 --runs 30 --export-json bench/results/country.json \
  "$BIN/gaiko country KOR --json --db gaiko.db" \
  "$BIN/python -c pass"
