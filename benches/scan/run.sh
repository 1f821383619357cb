#!/usr/bin/env bash
# Benchmark `cloudops repo scan` on one file with 50,000 findings.
#
#   benches/scan/run.sh [--check] [--runs N] [--findings N] [--bin PATH] [--work-dir DIR]
#
#   --check          exit 1 when a target is missed (otherwise only report)
#   --runs N         timed runs per case, median taken (default 3)
#   --findings N     open ingress blocks in the file (default 50000)
#   --bin PATH       the cloudops binary to time (default: cargo build --release)
#   --work-dir DIR   where the generated trees live (default target/bench-scan)
#
# Two files of the same shape and size, parsed the same way: `many/main.tf` has N
# `ingress { cidr_blocks = ["0.0.0.0/0"] }` blocks (N CO004 findings), `none/main.tf` the
# same blocks from 10.0.0.0/8 (no finding). The baseline is the scan of `none` in the same
# run, so the ratio says what the findings cost on top of reading and parsing the file,
# whatever the machine: finding lines were once counted from the start of the file for
# each finding (quadratic; 50,000 took about a minute). Also times `--format sarif` on
# `many` and takes peak RSS of each with GNU time.
# Targets: many/none (json) <= 3, many sarif / none <= 4 in time, and the sarif run's
# peak RSS <= 1.5 x the baseline's (SARIF is streamed, not built whole in memory).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
check=0
runs=3
n=50000
bin=""
work="$repo/target/bench-scan"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --check) check=1; shift ;;
    --runs) runs=${2:?}; shift 2 ;;
    --findings) n=${2:?}; shift 2 ;;
    --bin) bin=${2:?}; shift 2 ;;
    --work-dir) work=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --runs must be a positive number" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --findings must be a positive number" >&2; exit 2; }
me=run.sh
# shellcheck source=benches/scan/lib.sh
source "$here/lib.sh"
bench_binary

gen() { # gen DIR CIDR
  mkdir -p "$1"
  awk -v n="$n" -v cidr="$2" 'BEGIN {
    print "resource \"aws_security_group\" \"big\" {"
    for (i = 0; i < n; i++) printf "  ingress {\n    cidr_blocks = [\"%s\"]\n  }\n", cidr
    print "}"
  }' > "$1/main.tf"
}
gen "$work/many" "0.0.0.0/0"
gen "$work/none" "10.0.0.0/8"
size=$(wc -c < "$work/many/main.tf")
(( size <= 4 * 1024 * 1024 )) || die "generated file is $size bytes, over the 4 MiB scan limit; lower --findings"

got=$("$bin" repo scan "$work/many" --format json | jq '.totals.findings')
(( got >= n )) || die "expected at least $n findings in many/main.tf, cloudops reported $got"

read -r none_t none_rss < <(time_case json "$work/none")
read -r many_t many_rss < <(time_case json "$work/many")
read -r sarif_t sarif_rss < <(time_case sarif "$work/many")
r_json=$(ratio "$many_t" "$none_t")
r_sarif=$(ratio "$sarif_t" "$none_t")
r_rss=$(ratio "$sarif_rss" "$none_rss")

cat <<TABLE
| case ($n blocks, $size bytes) | median s | peak RSS MB | / baseline |
| --- | --- | --- | --- |
| none: no finding (baseline), json | $none_t | $((none_rss / 1024)) | 1.00 |
| many: $got findings, json | $many_t | $((many_rss / 1024)) | $r_json (target <= 3) |
| many: $got findings, sarif | $sarif_t | $((sarif_rss / 1024)) | $r_sarif (target <= 4); RSS $r_rss (target <= 1.5) |
TABLE

fail=0
awk -v r="$r_json" 'BEGIN { exit !(r <= 3) }' || { echo "run.sh: many/none $r_json > 3" >&2; fail=1; }
awk -v r="$r_sarif" 'BEGIN { exit !(r <= 4) }' || { echo "run.sh: sarif/none $r_sarif > 4" >&2; fail=1; }
awk -v r="$r_rss" 'BEGIN { exit !(r <= 1.5) }' || { echo "run.sh: sarif peak RSS / baseline $r_rss > 1.5" >&2; fail=1; }
if (( check && fail )); then exit 1; fi
