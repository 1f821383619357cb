#!/usr/bin/env bash
# Check that gen.sh's synthesized baseline state gives the same plan as a real
# `terraform apply` of the baseline.
#
#   benches/plan/verify-synth.sh [--size N] [--work-dir DIR]
#
# Builds the plan both ways (--state apply is quadratic: ~2 min at the
# default 1,000 resources on 2 CPUs, so keep N small) and compares the two
# `terraform show -json` documents with resource ids (random UUIDs), the
# timestamp and the order of relevant_attributes (not stable in Terraform)
# normalised away. Exits 0 when they match.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
size=1000
work="${BENCH_PLANS_DIR:-$here/../../target/bench-plans}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=${2:?}; shift 2 ;;
    --work-dir) work=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "verify-synth.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
[[ $size =~ ^[0-9]+$ && $size -le 3000 ]] || { echo "verify-synth.sh: --size must be <= 3000 (apply is quadratic)" >&2; exit 2; }

"$here/gen.sh" --size "$size" --state apply --out "$work/verify-$size-apply"
"$here/gen.sh" --size "$size" --state synth --out "$work/verify-$size-synth"

normalise() {
  jq -S 'del(.timestamp)
    | .relevant_attributes |= (. // [] | sort_by(tojson))
    | walk(if type == "string" and test("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$") then "UUID" else . end)' "$1"
}
a="$work/verify-$size-apply" b="$work/verify-$size-synth"
normalise "$a/plan.json" >"$a/plan.normalised.json"
normalise "$b/plan.json" >"$b/plan.normalised.json"
if ! cmp -s "$a/plan.txt" "$b/plan.txt"; then
  echo "verify-synth.sh: Plan lines differ:" >&2
  echo "  apply: $(cat "$a/plan.txt")" >&2
  echo "  synth: $(cat "$b/plan.txt")" >&2
  exit 1
fi
if ! diff -q "$a/plan.normalised.json" "$b/plan.normalised.json" >/dev/null; then
  diff "$a/plan.normalised.json" "$b/plan.normalised.json" | head -n 40 >&2
  echo "verify-synth.sh: plans differ (normalised copies: $a/plan.normalised.json $b/plan.normalised.json)" >&2
  exit 1
fi
echo "verify-synth.sh: identical after normalisation ($(cat "$b/plan.txt"); $(jq -r .resources "$b/meta.json") resource changes)" >&2
