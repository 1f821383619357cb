#!/usr/bin/env bash
# Benchmark `cloudops repo scan` on a generated tree of 20,000 `.tf` files: flat memory as the
# tree grows.
#
#   benches/scan/tree.sh [--check] [--runs N] [--files N] [--bin PATH] [--work-dir DIR]
#
#   --check          exit 1 when a target is missed (otherwise only report)
#   --runs N         timed runs per case, median taken (default 3)
#   --files N        files in the big tree (default 20000; the baseline has a tenth)
#   --bin PATH       the cloudops binary to time (default: cargo build --release)
#   --work-dir DIR   where the generated trees live (default target/bench-scan-tree)
#
# Two trees of the same shape: root modules of 20 files each, one `terraform_data` resource per
# file, so the report grows only by a line per root while the walk, the reads and the parses
# grow with the tree. The baseline is the tree a tenth the size, scanned in the same run.
# Targets: big/small time <= 12 (linear in files, with room for noise), and big/small peak RSS
# <= 1.5 (files are read, parsed and dropped one at a time; nothing of a file is kept but its
# facts). The report itself holds every finding, so a tree full of findings grows with them:
# that is benches/scan/run.sh's 50,000-finding case.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
check=0
runs=3
n=20000
bin=""
work="$repo/target/bench-scan-tree"

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --check) check=1; shift ;;
    --runs) runs=${2:?}; shift 2 ;;
    --files) n=${2:?}; shift 2 ;;
    --bin) bin=${2:?}; shift 2 ;;
    --work-dir) work=${2:?}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "tree.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "tree.sh: --runs must be a positive number" >&2; exit 2; }
[[ $n =~ ^[1-9][0-9]*$ ]] && (( n >= 200 )) || { echo "tree.sh: --files must be a number of at least 200" >&2; exit 2; }
me=tree.sh
# shellcheck source=benches/scan/lib.sh
source "$here/lib.sh"
command -v jq >/dev/null || die "jq is required to check the scan's totals"
bench_binary

gen() { # gen DIR FILES
  rm -rf "$1"
  mkdir -p "$1"
  awk -v dir="$1" -v n="$2" 'BEGIN {
    for (i = 0; i < n; i++) {
      d = sprintf("%s/stack%05d", dir, int(i / 20))
      if (i % 20 == 0) system("mkdir -p " d)
      f = sprintf("%s/r%02d.tf", d, i % 20)
      printf "resource \"terraform_data\" \"r%d\" {\n  input = \"r%d\"\n}\n", i, i > f
      close(f)
    }
  }'
}
gen "$work/big" "$n"
gen "$work/small" $((n / 10))

for d in big small; do
  want=$(find "$work/$d" -name '*.tf' | wc -l)
  roots=$("$bin" repo scan "$work/$d" --format json | jq '.totals.root_modules')
  (( roots == (want + 19) / 20 )) || die "$d: expected $(((want + 19) / 20)) root modules, cloudops reported $roots"
done

read -r small_t small_rss < <(time_case json "$work/small")
read -r big_t big_rss < <(time_case json "$work/big")

t_ratio=$(ratio "$big_t" "$small_t")
m_ratio=$(ratio "$big_rss" "$small_rss")
printf 'small (%d files): %ss, %d KB peak\n' $((n / 10)) "$small_t" "$small_rss"
printf 'big   (%d files): %ss, %d KB peak\n' "$n" "$big_t" "$big_rss"
printf 'time big/small: %s (target <= 12)   peak RSS big/small: %s (target <= 1.5)\n' "$t_ratio" "$m_ratio"

missed=0
awk -v r="$t_ratio" 'BEGIN { exit !(r > 12) }' && { echo "MISSED: time ratio $t_ratio > 12"; missed=1; }
awk -v r="$m_ratio" 'BEGIN { exit !(r > 1.5) }' && { echo "MISSED: peak RSS ratio $m_ratio > 1.5"; missed=1; }
(( check && missed )) && exit 1
exit 0
