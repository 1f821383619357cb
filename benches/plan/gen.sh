#!/usr/bin/env bash
# Build one real Terraform plan for the `cloudops plan analyze` benchmark.
#
#   benches/plan/gen.sh [--size N] [--detail D] [--out DIR] [--state synth|apply]
#                       [--parallelism P] [--force]
#
#   --size N       ~N resource instances in the baseline (default 10000)
#   --detail D     payload knob, entries per nested map/list (default 10:
#                  ~13 KB of plan JSON per resource, ~130 MB at 10,000)
#   --out DIR      default $BENCH_PLANS_DIR/plan-N, BENCH_PLANS_DIR defaulting
#                  to target/bench-plans
#   --state synth  (default) build the baseline state from a plan, see below
#   --state apply  `terraform apply` the baseline for real: O(N^2) in
#                  Terraform, ~2 min at 1,000 resources, hours at 10,000
#   --force        rebuild even when DIR holds a plan for the same inputs
#
# Steps: copy benches/plan/hcl to DIR/config (built-in terraform_data only:
# nothing is downloaded), make the phase-1 baseline state, swap phases/1.tf for
# phases/2.tf, `terraform plan -refresh=false -out`, `terraform show -json`.
#
# The baseline state. `terraform apply` deep-copies the whole state after each
# instance it writes, so it is quadratic in the number of instances. With
# --state synth, synth-state.jq turns a phase-1 plan against an empty state
# into the state apply would write (random UUID ids, output = input,
# sensitive paths, dependencies), a phase-1 plan targeted at the instances
# whose inputs referred to other resources' ids fills those in,
# `terraform apply -refresh-only` records the outputs, and a full phase-1
# plan must then find no changes.
# verify-synth.sh shows the phase-2 plans from both ways are the same.
#
# Outputs in DIR:
#   plan.json    the `terraform show -json` plan (the benchmark input)
#   plan.txt     Terraform's own "Plan: X to add, Y to change, Z to destroy." line
#   meta.json    size, resource count, action counts, build timings, cache stamp
#   plan.tfplan, config/ (state, .terraform), *.log
#
# When DIR/meta.json carries the same stamp (hash of the generator, size,
# detail, state mode, Terraform version) and DIR/plan.json exists, nothing is
# rebuilt.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
size=10000
detail=10
out=""
state_mode=synth
parallelism=64
force=0

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --size) size=${2:?}; shift 2 ;;
    --detail) detail=${2:?}; shift 2 ;;
    --out) out=${2:?}; shift 2 ;;
    --state) state_mode=${2:?}; shift 2 ;;
    --parallelism) parallelism=${2:?}; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "gen.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $size =~ ^[0-9]+$ && $size -ge 100 ]] || { echo "gen.sh: --size must be an integer >= 100" >&2; exit 2; }
[[ $detail =~ ^[0-9]+$ && $detail -ge 2 ]] || { echo "gen.sh: --detail must be an integer >= 2" >&2; exit 2; }
[[ $parallelism =~ ^[0-9]+$ && $parallelism -ge 1 ]] || { echo "gen.sh: --parallelism must be a positive integer" >&2; exit 2; }
[[ $state_mode == synth || $state_mode == apply ]] || { echo "gen.sh: --state must be synth or apply" >&2; exit 2; }
[[ -n $out ]] || out="${BENCH_PLANS_DIR:-$here/../../target/bench-plans}/plan-$size"

for tool in terraform jq sha256sum od awk; do
  command -v "$tool" >/dev/null || { echo "gen.sh: '$tool' is required on PATH" >&2; exit 1; }
done

# Quiet, offline Terraform.
mkdir -p "$out"
out=$(cd "$out" && pwd)
: >"$out/terraformrc.empty"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
export TF_CLI_CONFIG_FILE="$out/terraformrc.empty"
export TF_VAR_db_password="bench-not-a-secret-5f0c2c"
unset TF_LOG TF_LOG_PATH TF_WORKSPACE TF_DATA_DIR TF_CLI_ARGS TF_CLI_ARGS_plan TF_CLI_ARGS_apply

tf_version=$(terraform version -json | jq -r .terraform_version)
gen_hash=$(cd "$here" && find hcl gen.sh synth-state.jq -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
stamp="gen=$gen_hash size=$size detail=$detail state=$state_mode terraform=$tf_version"

if [[ $force -eq 0 && -s $out/plan.json && -s $out/meta.json ]] &&
   [[ $(jq -r .stamp "$out/meta.json" 2>/dev/null) == "$stamp" ]]; then
  echo "gen.sh: reusing $out/plan.json ($(jq -r '"\(.resources) resources, \(.bytes) bytes"' "$out/meta.json"))" >&2
  exit 0
fi

echo "gen.sh: building a ~$size-resource plan in $out (terraform $tf_version, --state $state_mode, parallelism $parallelism)" >&2
rm -rf "$out/config" "$out/plan.json" "$out/plan.tfplan" "$out/plan.txt" "$out/meta.json" "$out"/*.log "$out"/baseline*
mkdir -p "$out/config"
cp -R "$here/hcl/." "$out/config/"
rm -rf "$out/config/phases"
cfg="$out/config"

now() { echo "$EPOCHREALTIME"; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
# terraform in the config dir; output to LOG, its tail on failure
tf_logged() {
  local log=$1; shift
  if ! terraform -chdir="$cfg" "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "gen.sh: terraform $1 failed (log: $log)" >&2
    exit 1
  fi
}
set_phase() {
  cp "$here/hcl/phases/$1.tf" "$cfg/phase.tf"
  printf '{"scale": %d, "detail": %d, "phase": %d}\n' "$size" "$detail" "$1" >"$cfg/bench.auto.tfvars.json"
  tf_logged "$out/init.log" init -input=false -no-color
}
random_uuids() { # N -> N random v4-looking UUIDs, one a line
  head -c $((16 * $1)) /dev/urandom | od -An -v -tx1 | tr -d ' \n' | fold -w32 |
    awk '{ printf "%s-%s-4%s-%x%s-%s\n", substr($0,1,8), substr($0,9,4), substr($0,14,3), 8 + (index("0123456789abcdef", substr($0,17,1)) - 1) % 4, substr($0,18,3), substr($0,21,12) }'
}
plan_args=(-input=false -no-color -refresh=false -parallelism="$parallelism")

t0=$(now)
set_phase 1
t=$(now)
if [[ $state_mode == apply ]]; then
  echo "gen.sh: phase 1: terraform apply (quadratic, be patient) ..." >&2
  tf_logged "$out/apply.log" apply -input=false -no-color -auto-approve -parallelism="$parallelism"
  grep -E '^Apply complete!' "$out/apply.log" >&2 || true
else
  echo "gen.sh: phase 1: synthesizing the applied state ..." >&2
  # -json: the machine-readable UI skips rendering ~30 MB of human diff.
  tf_logged "$out/baseline-1.log" plan -json "${plan_args[@]}" -out="$out/baseline.tfplan"
  terraform -chdir="$cfg" show -json "$out/baseline.tfplan" >"$out/baseline.json"
  n=$(jq '.resource_changes | length' "$out/baseline.json")
  random_uuids "$n" >"$out/baseline-ids.txt"
  # create_before_destroy: terraform_data.lb is configured so; nothing it
  # depends on is a resource, so no other resource is forced to it.
  jq --arg mode synth --rawfile ids "$out/baseline-ids.txt" \
     --argjson cbd '["terraform_data.lb"]' \
     --arg lineage "$(random_uuids 1)" \
     -f "$here/synth-state.jq" "$out/baseline.json" >"$cfg/terraform.tfstate"
  # Inputs that referred to other resources' ids were unknown in that plan. A
  # plan targeted at just those instances knows them now: patch them in (a
  # full plan would also find them, but costs minutes at 10,000 resources).
  mapfile -t unknown < <(jq -r '.resource_changes[]
    | select([.change.after_unknown.input // false | .. | select(. == true)] | length > 0) | .address' "$out/baseline.json")
  if [[ ${#unknown[@]} -gt 0 && ${#unknown[@]} -le 500 ]]; then
    targets=()
    for a in "${unknown[@]}"; do targets+=("-target=$a"); done
    tf_logged "$out/baseline-targeted.log" plan -json "${plan_args[@]}" "${targets[@]}" -out="$out/baseline.tfplan"
    terraform -chdir="$cfg" show -json "$out/baseline.tfplan" >"$out/baseline.json"
    jq --arg mode patch --slurpfile state "$cfg/terraform.tfstate" \
       -f "$here/synth-state.jq" "$out/baseline.json" >"$cfg/terraform.tfstate.new"
    mv "$cfg/terraform.tfstate.new" "$cfg/terraform.tfstate"
  fi
  # Let Terraform evaluate and record the root outputs.
  tf_logged "$out/refresh-1.log" apply -refresh-only -auto-approve -input=false -no-color -parallelism="$parallelism"
  # Until a full phase-1 plan finds nothing to do (normally the first one):
  # patch what is still off, re-record outputs. Bounded.
  round=1
  while :; do
    round=$((round + 1))
    rc=0
    terraform -chdir="$cfg" plan -json "${plan_args[@]}" -detailed-exitcode -out="$out/baseline.tfplan" \
      >"$out/baseline-$round.log" 2>&1 || rc=$?
    [[ $rc -eq 0 ]] && break
    if [[ $rc -ne 2 || $round -gt 5 ]]; then
      tail -n 20 "$out/baseline-$round.log" >&2
      echo "gen.sh: the synthesized state does not settle (round $round, plan exit $rc, log: $out/baseline-$round.log)" >&2
      exit 1
    fi
    terraform -chdir="$cfg" show -json "$out/baseline.tfplan" >"$out/baseline.json"
    pending=$(jq '[.resource_changes[] | select(.change.actions != ["no-op"])] | length' "$out/baseline.json")
    if [[ $pending -gt 0 ]]; then
      jq --arg mode patch --slurpfile state "$cfg/terraform.tfstate" \
         -f "$here/synth-state.jq" "$out/baseline.json" >"$cfg/terraform.tfstate.new"
      mv "$cfg/terraform.tfstate.new" "$cfg/terraform.tfstate"
    else
      tf_logged "$out/refresh-$round.log" apply -refresh-only -auto-approve -input=false -no-color -parallelism="$parallelism"
    fi
  done
  rm -f "$out/baseline.json" "$out/baseline.tfplan" "$out/baseline-ids.txt"
fi
baseline_s=$(since "$t")

set_phase 2
echo "gen.sh: phase 2: terraform plan ..." >&2
t=$(now)
tf_logged "$out/plan.log" plan "${plan_args[@]}" -out="$out/plan.tfplan"
plan_s=$(since "$t")
grep -E '^Plan: ' "$out/plan.log" >"$out/plan.txt" || { echo "gen.sh: no 'Plan:' line in $out/plan.log" >&2; exit 1; }

t=$(now)
terraform -chdir="$cfg" show -json "$out/plan.tfplan" >"$out/plan.json.tmp"
show_s=$(since "$t")
mv "$out/plan.json.tmp" "$out/plan.json"
total_s=$(since "$t0")

bytes=$(stat -c %s "$out/plan.json")
jq --arg stamp "$stamp" --argjson size "$size" --argjson detail "$detail" --argjson bytes "$bytes" \
   --arg state_mode "$state_mode" --arg plan_line "$(cat "$out/plan.txt")" \
   --argjson baseline_s "$baseline_s" --argjson plan_s "$plan_s" --argjson show_s "$show_s" --argjson total_s "$total_s" \
   --argjson parallelism "$parallelism" '
  {
    stamp: $stamp, size: $size, detail: $detail, state: $state_mode, bytes: $bytes,
    terraform_version: .terraform_version,
    resources: (.resource_changes | length),
    actions: ([.resource_changes[].change.actions | join(",")] | group_by(.) | map({(.[0]): length}) | add),
    moved: ([.resource_changes[] | select(.previous_address != null)] | length),
    output_changes: (.output_changes | length),
    plan_line: $plan_line,
    seconds: {baseline: $baseline_s, plan: $plan_s, show_json: $show_s, total: $total_s},
    parallelism: $parallelism
  }' "$out/plan.json" >"$out/meta.json"

echo "gen.sh: done in ${total_s}s (baseline ${baseline_s}s, plan ${plan_s}s, show -json ${show_s}s)" >&2
echo "gen.sh: $(cat "$out/plan.txt")" >&2
jq -c '{resources, bytes, actions, moved}' "$out/meta.json" >&2
