#!/usr/bin/env bash
# Build one real Terraform plan for the `cloudops plan analyze` benchmark.
#
#   benches/plan/gen.sh [--size N] [--detail D] [--out DIR] [--parallelism P] [--force]
#
# Copies benches/plan/hcl into DIR/config, applies phase 1 (built-in
# terraform_data only: nothing is downloaded), swaps in the phase-2 config,
# then `terraform plan -refresh=false -out` and `terraform show -json`.
#
# Outputs in DIR:
#   plan.json    the `terraform show -json` plan (the benchmark input)
#   plan.txt     Terraform's own "Plan: X to add, Y to change, Z to destroy." line
#   meta.json    size, resource count, action counts, build timings, cache stamp
#   plan.tfplan, config/ (state, .terraform), apply.log, plan.log
#
# When DIR/meta.json carries the same stamp (hash of the generator, size,
# detail and Terraform version) and DIR/plan.json exists, nothing is rebuilt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
size=10000
detail=8
out=""
parallelism=64
force=0

usage() { sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=$2; shift 2 ;;
    --detail) detail=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --parallelism) parallelism=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "gen.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $size =~ ^[0-9]+$ && $size -ge 100 ]] || { echo "gen.sh: --size must be an integer >= 100" >&2; exit 2; }
[[ $detail =~ ^[0-9]+$ && $detail -ge 1 ]] || { echo "gen.sh: --detail must be a positive integer" >&2; exit 2; }
[[ -n $out ]] || out="${BENCH_PLANS_DIR:-$here/../../target/bench-plans}/plan-$size"

for tool in terraform jq sha256sum; do
  command -v "$tool" >/dev/null || { echo "gen.sh: '$tool' is required on PATH" >&2; exit 1; }
done

# Quiet, offline, reproducible Terraform.
mkdir -p "$out"
out=$(cd "$out" && pwd)
: > "$out/terraformrc.empty"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
export TF_CLI_CONFIG_FILE="$out/terraformrc.empty"
export TF_VAR_db_password="bench-not-a-secret-5f0c2c"
unset TF_LOG TF_WORKSPACE TF_DATA_DIR

tf_version=$(terraform version -json | jq -r .terraform_version)
gen_hash=$(cd "$here" && find hcl gen.sh -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
stamp="gen=$gen_hash size=$size detail=$detail terraform=$tf_version"

if [[ $force -eq 0 && -s $out/plan.json && -s $out/meta.json ]] &&
   [[ $(jq -r .stamp "$out/meta.json" 2>/dev/null) == "$stamp" ]]; then
  echo "gen.sh: reusing $out/plan.json ($(jq -r '"\(.resources) resources, \(.bytes) bytes"' "$out/meta.json"))" >&2
  exit 0
fi

echo "gen.sh: building a ~$size-resource plan in $out (terraform $tf_version, parallelism $parallelism)" >&2
rm -rf "$out/config" "$out/plan.json" "$out/plan.tfplan" "$out/plan.txt" "$out/meta.json" "$out/apply.log" "$out/plan.log"
mkdir -p "$out/config"
cp -R "$here/hcl/." "$out/config/"
rm -rf "$out/config/phases"
cfg="$out/config"

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
tf() { terraform -chdir="$cfg" "$@"; }
vars=(-var "scale=$size" -var "detail=$detail")

t0=$(now)
cp "$here/hcl/phases/1.tf" "$cfg/phase.tf"
tf init -input=false -no-color >"$out/init.log" 2>&1 || { cat "$out/init.log" >&2; exit 1; }
echo "gen.sh: phase 1 apply ..." >&2
t=$(now)
if ! tf apply -input=false -no-color -auto-approve -parallelism="$parallelism" "${vars[@]}" -var phase=1 >"$out/apply.log" 2>&1; then
  tail -n 40 "$out/apply.log" >&2; echo "gen.sh: terraform apply failed (log: $out/apply.log)" >&2; exit 1
fi
apply_s=$(since "$t")
grep -E '^Apply complete!' "$out/apply.log" >&2 || true

cp "$here/hcl/phases/2.tf" "$cfg/phase.tf"
tf init -input=false -no-color >>"$out/init.log" 2>&1 || { cat "$out/init.log" >&2; exit 1; }
echo "gen.sh: phase 2 plan ..." >&2
t=$(now)
if ! tf plan -input=false -no-color -refresh=false -parallelism="$parallelism" "${vars[@]}" -var phase=2 \
     -out="$out/plan.tfplan" >"$out/plan.log" 2>&1; then
  tail -n 40 "$out/plan.log" >&2; echo "gen.sh: terraform plan failed (log: $out/plan.log)" >&2; exit 1
fi
plan_s=$(since "$t")
grep -E '^Plan: ' "$out/plan.log" >"$out/plan.txt" || { echo "gen.sh: no 'Plan:' line in $out/plan.log" >&2; exit 1; }

t=$(now)
tf show -json "$out/plan.tfplan" >"$out/plan.json.tmp"
show_s=$(since "$t")
mv "$out/plan.json.tmp" "$out/plan.json"
total_s=$(since "$t0")

bytes=$(stat -c %s "$out/plan.json")
jq --arg stamp "$stamp" --argjson size "$size" --argjson detail "$detail" --argjson bytes "$bytes" \
   --arg plan_line "$(cat "$out/plan.txt")" \
   --argjson apply_s "$apply_s" --argjson plan_s "$plan_s" --argjson show_s "$show_s" --argjson total_s "$total_s" \
   --argjson parallelism "$parallelism" '
  {
    stamp: $stamp, size: $size, detail: $detail, bytes: $bytes,
    terraform_version: .terraform_version,
    resources: (.resource_changes | length),
    actions: ([.resource_changes[].change.actions | join(",")] | group_by(.) | map({(.[0]): length}) | add),
    moved: ([.resource_changes[] | select(.previous_address != null)] | length),
    output_changes: (.output_changes | length),
    plan_line: $plan_line,
    seconds: {apply: $apply_s, plan: $plan_s, show_json: $show_s, total: $total_s},
    parallelism: $parallelism
  }' "$out/plan.json" >"$out/meta.json"

echo "gen.sh: done in ${total_s}s (apply ${apply_s}s, plan ${plan_s}s, show -json ${show_s}s)" >&2
echo "gen.sh: $(cat "$out/plan.txt")" >&2
jq -c '{resources, bytes, actions, moved}' "$out/meta.json" >&2
