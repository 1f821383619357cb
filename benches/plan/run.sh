#!/usr/bin/env bash
# Benchmark `cloudops plan analyze` on a real ~10,000-resource Terraform plan.
#
#   benches/plan/run.sh [--check] [--quick] [--runs N] [--jq-runs N]
#                       [--work-dir DIR] [--skip-cloudops] [--no-hyperfine]
#
#   --check          exit 1 when a target is missed (otherwise only report)
#   --quick          benchmark the ~1,000-resource plan instead of the large one
#   --runs N         timed runs per command (default 10; jq uses --jq-runs)
#   --jq-runs N      timed runs for jq (default 3: it takes seconds per run)
#   --work-dir DIR   where plans and results live (default $BENCH_PLANS_DIR,
#                    else target/bench-plans); plans there are reused
#   --skip-cloudops  time only the floor and jq (while cloudops does not build)
#   --no-hyperfine   use the bash fallback loop even if hyperfine is installed
#
# Times, on one plan: (1) the parse-only floor (benches/plan/floor.rs),
# (2) `cloudops plan analyze PLAN --format json`, (3) the same reading stdin,
# (4) an equivalent jq one-liner, (5) cloudops with the Rego policy in
# benches/plan/policy (`--policy`, which needs the whole document), and (6)
# `conftest test` with the same policy when conftest is on PATH (it is on
# neither npm nor PyPI, so nothing here installs it; the report says so);
# measures peak RSS of each with GNU time.
# Targets: cloudops/floor <= 1.5, jq/cloudops >= 5, peak RSS < 64 MB (file
# and stdin); when conftest runs, conftest/cloudops --policy >= 1 in time and in
# peak RSS (without it the --policy rows are reported, with no target). Prints a table and writes it as markdown to WORK_DIR/results.md
# (results-quick.md with --quick).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
check=0
quick=0
runs=10
jq_runs=3
work="${BENCH_PLANS_DIR:-$repo/target/bench-plans}"
skip_cloudops=0
use_hyperfine=1

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --check) check=1; shift ;;
    --quick) quick=1; shift ;;
    --runs) runs=${2:?}; shift 2 ;;
    --jq-runs) jq_runs=${2:?}; shift 2 ;;
    --work-dir) work=${2:?}; shift 2 ;;
    --skip-cloudops) skip_cloudops=1; shift ;;
    --no-hyperfine) use_hyperfine=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
[[ $runs =~ ^[1-9][0-9]*$ && $runs -le 1000 ]] || { echo "run.sh: --runs must be 1..1000" >&2; exit 2; }
[[ $jq_runs =~ ^[1-9][0-9]*$ && $jq_runs -le 1000 ]] || { echo "run.sh: --jq-runs must be 1..1000" >&2; exit 2; }
if [[ $check -eq 1 && $skip_cloudops -eq 1 ]]; then
  echo "run.sh: --check needs cloudops; drop --skip-cloudops" >&2; exit 2
fi

say() { echo "run.sh: $*" >&2; }
die() { echo "run.sh: error: $*" >&2; exit 1; }

for tool in cargo terraform jq awk; do
  command -v "$tool" >/dev/null || die "'$tool' is required on PATH"
done
[[ -x /usr/bin/time ]] || die "GNU time is required at /usr/bin/time (Debian package 'time')"

if [[ $use_hyperfine -eq 1 ]] && ! command -v hyperfine >/dev/null; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    say "hyperfine missing; trying 'apt-get install hyperfine' ..."
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1; then
      DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null 2>&1 || true
    fi
  fi
  command -v hyperfine >/dev/null || { say "hyperfine not available; using the bash loop (median of $runs)"; use_hyperfine=0; }
fi

# ---- build ----------------------------------------------------------------
cd "$repo"
mkdir -p "$work"
work=$(cd "$work" && pwd)
bin="$repo/target/release/cloudops"
build_log=$(mktemp)
trap 'rm -f "$build_log"' EXIT
# The floor is its own crate with serde_json's default features: built as part of this
# package it would share cloudops' serde_json features (arbitrary_precision makes
# IgnoredAny ~1.8x slower), which would flatter cloudops.
say "building the parse floor (benches/plan/floor.rs) as a standalone crate"
fc="$work/floor-crate"
mkdir -p "$fc/src"
cp "$here/floor.rs" "$fc/src/main.rs"
[[ -f $repo/Cargo.lock ]] && cp "$repo/Cargo.lock" "$fc/Cargo.lock"
cat >"$fc/Cargo.toml" <<'EOF'
[package]
name = "parse_floor"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
serde = "1"
serde_json = "1"

[profile.release]
lto = "thin"
codegen-units = 4

[workspace]
EOF
CARGO_TARGET_DIR="$work/floor-target" cargo build --release --manifest-path "$fc/Cargo.toml" >"$build_log" 2>&1 ||
  { tail -n 30 "$build_log" >&2; die "could not build the parse floor"; }
floor="$work/floor-target/release/parse_floor"
if [[ $skip_cloudops -eq 0 ]]; then
  say "cargo build --release --bin cloudops"
  if ! cargo build --release --bin cloudops >"$build_log" 2>&1; then
    grep -E '^(error|warning: unused)' "$build_log" | head -n 20 >&2 || true
    tail -n 5 "$build_log" >&2
    die "cargo build failed: cloudops does not build right now.
  Fix the build, or run with --skip-cloudops to time only the floor and jq."
  fi
  [[ -x $bin ]] || die "cargo build succeeded but $bin is missing"
fi
[[ -x $floor ]] || die "parse floor binary missing at $floor"

# ---- plans ----------------------------------------------------------------
small="$work/plan-1000"
large="$work/plan-10000"
"$here/gen.sh" --size 1000 --out "$small"
if [[ $quick -eq 1 ]]; then
  target="$small"
else
  "$here/gen.sh" --size 10000 --out "$large"
  target="$large"
fi
plan="$target/plan.json"
plan_bytes=$(stat -c %s "$plan")
plan_mb=$(awk -v b="$plan_bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
resources=$(jq -r .resources "$target/meta.json")
plan_line=$(cat "$target/plan.txt")
say "plan: $plan ($plan_mb MiB, $resources resource changes; $plan_line)"

jq_filter='[.resource_changes[].change.actions|join(",")]|group_by(.)|map({(.[0]):length})|add'

# ---- sanity: cloudops must really analyze the plan ------------------------
if [[ $skip_cloudops -eq 0 ]]; then
  out_file=$(mktemp) out_stdin=$(mktemp)
  trap 'rm -f "$build_log" "$out_file" "$out_stdin"' EXIT
  "$bin" plan analyze "$plan" --format json >"$out_file" ||
    die "'cloudops plan analyze $plan --format json' failed (exit $?)"
  "$bin" plan analyze - --format json <"$plan" >"$out_stdin" ||
    die "'cloudops plan analyze - --format json < $plan' failed (exit $?)"
  if [[ ! -s $out_file ]] || ! jq -e . "$out_file" >/dev/null 2>&1; then
    die "'cloudops plan analyze --format json' printed no JSON document; is the command implemented yet?"
  fi
  # The two runs may name their source differently; otherwise they must agree.
  same='walk(if type == "string" and (. == $plan or . == "-" or . == "stdin" or . == "<stdin>") then "<source>" else . end)'
  cmp -s <(jq -S --arg plan "$plan" "$same" "$out_file") <(jq -S --arg plan "$plan" "$same" "$out_stdin") ||
    say "warning: file and stdin runs printed different JSON (beyond the source name)"
  "$bin" plan analyze "$plan" --format json --policy "$here/policy" >"$out_file" ||
    die "'cloudops plan analyze $plan --policy benches/plan/policy' failed (exit $?)"
  policy_hits=$(jq '[.findings[] | select(.rule | startswith("main."))] | length' "$out_file")
  [[ $policy_hits -gt 0 ]] || die "the benchmark policy found nothing on $plan: the policy run measures no work"
  say "the benchmark policy returned $policy_hits results"
fi

# ---- timing ---------------------------------------------------------------
q() { # POSIX single-quoting, for hyperfine's sh -c and bash -c alike
  local s=${1//\'/\'\\\'\'}
  printf "'%s'" "$s"
}
names=(floor)
cmds=("$(q "$floor") $(q "$plan")")
if [[ $skip_cloudops -eq 0 ]]; then
  names+=(cloudops-file cloudops-stdin)
  cmds+=("$(q "$bin") plan analyze $(q "$plan") --format json > /dev/null"
         "$(q "$bin") plan analyze - --format json < $(q "$plan") > /dev/null")
fi
names+=(jq)
cmds+=("jq $(q "$jq_filter") $(q "$plan") > /dev/null")
policy_dir="$here/policy"
if [[ $skip_cloudops -eq 0 ]]; then
  names+=(cloudops-policy)
  cmds+=("$(q "$bin") plan analyze $(q "$plan") --format json --policy $(q "$policy_dir") > /dev/null")
fi
# conftest exits 1 when a policy denies, which is the expected outcome here.
conftest_note=""
if command -v conftest >/dev/null; then
  names+=(conftest)
  cmds+=("conftest test --no-color -p $(q "$policy_dir") $(q "$plan") > /dev/null; [ \$? -le 1 ]")
else
  conftest_note="conftest was not run: it is not on PATH, and no npm or PyPI package ships it (PyPI's \`conftest\` is an unrelated placeholder), so this script cannot install it. Install it from https://github.com/open-policy-agent/conftest/releases to compare."
  say "$conftest_note"
fi

declare -A median mean stddev minimum rss nruns
tmpdir=$(mktemp -d)
trap 'rm -rf "$build_log" "${out_file:-}" "${out_stdin:-}" "$tmpdir"' EXIT

time_hyperfine() { # name cmd n
  hyperfine --style basic --warmup 1 --runs "$3" -n "$1" --export-json "$tmpdir/$1.json" "$2" >&2
  read -r median["$1"] mean["$1"] stddev["$1"] minimum["$1"] < <(
    jq -r '.results[0] | "\(.median) \(.mean) \(.stddev // 0) \(.min)"' "$tmpdir/$1.json")
}
time_loop() { # name cmd n
  local i t0 t1 samples=()
  bash -c "$2" >/dev/null 2>&1 || die "$1 failed: $2"   # warmup
  for ((i = 0; i < $3; i++)); do
    t0=$(date +%s.%N)
    bash -c "$2" >/dev/null 2>&1 || die "$1 failed: $2"
    t1=$(date +%s.%N)
    samples+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", b - a }')")
  done
  read -r median["$1"] mean["$1"] stddev["$1"] minimum["$1"] < <(
    printf '%s\n' "${samples[@]}" | sort -g | awk '
      { v[NR] = $1; s += $1; ss += $1 * $1 }
      END {
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        mu = s / NR; var = ss / NR - mu * mu; if (var < 0) var = 0
        printf "%.6f %.6f %.6f %.6f\n", m, mu, sqrt(var), v[1]
      }')
  say "$1: median ${median[$1]}s over $3 runs"
}
peak_rss_kb() { # name cmd
  /usr/bin/time -f %M -o "$tmpdir/$1.rss" bash -c "exec $2" >/dev/null 2>&1 || die "$1 failed under /usr/bin/time: $2"
  tail -n 1 "$tmpdir/$1.rss"
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for i in "${!names[@]}"; do
  name=${names[$i]} cmd=${cmds[$i]}
  n=$runs; [[ $name == jq || $name == cloudops-policy || $name == conftest ]] && n=$jq_runs
  nruns[$name]=$n
  say "timing $name: $cmd"
  if [[ $use_hyperfine -eq 1 ]]; then time_hyperfine "$name" "$cmd" "$n"; else time_loop "$name" "$cmd" "$n"; fi
  rss[$name]=$(peak_rss_kb "$name" "$cmd")
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- report ---------------------------------------------------------------
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
verdict() { if "$@"; then echo pass; else echo MISS; fi; }

rows=()
for name in "${names[@]}"; do
  rows+=("| $name | $(printf '%.3f' "${median[$name]}") | $(printf '%.3f' "${mean[$name]}") ± $(printf '%.3f' "${stddev[$name]}") | $(printf '%.3f' "${minimum[$name]}") | ${nruns[$name]} | $(mb "${rss[$name]}") |")
done

targets=()
missed=0
target_row() { # label value goal verdict
  targets+=("| $1 | $2 | $3 | $4 |")
  [[ $4 == pass ]] || missed=1
}
if [[ $skip_cloudops -eq 0 ]]; then
  r_floor=$(ratio "${median[cloudops-file]}" "${median[floor]}")
  r_floor_stdin=$(ratio "${median[cloudops-stdin]}" "${median[floor]}")
  r_jq=$(ratio "${median[jq]}" "${median[cloudops-file]}")
  rss_file=$(mb "${rss[cloudops-file]}")
  rss_stdin=$(mb "${rss[cloudops-stdin]}")
  target_row "cloudops (file) / floor" "$r_floor" "<= 1.5" "$(verdict le "$r_floor" 1.5)"
  target_row "cloudops (stdin) / floor" "$r_floor_stdin" "(info)" "pass"
  target_row "jq / cloudops (file)" "$r_jq" ">= 5" "$(verdict ge "$r_jq" 5)"
  target_row "peak RSS cloudops (file), MB" "$rss_file" "< 64" "$(verdict lt "$rss_file" 64)"
  target_row "peak RSS cloudops (stdin), MB" "$rss_stdin" "< 64" "$(verdict lt "$rss_stdin" 64)"
  r_policy=$(ratio "${median[cloudops-policy]}" "${median[cloudops-file]}")
  rss_policy=$(mb "${rss[cloudops-policy]}")
  r_rss_policy=$(ratio "$rss_policy" "$plan_mb")
  target_row "cloudops --policy / cloudops (file)" "$r_policy" "(info)" "pass"
  target_row "peak RSS cloudops --policy / plan size" "$r_rss_policy" "(info)" "pass"
  if [[ -n ${median[conftest]:-} ]]; then
    r_conftest=$(ratio "${median[conftest]}" "${median[cloudops-policy]}")
    r_conftest_rss=$(ratio "${rss[conftest]}" "${rss[cloudops-policy]}")
    target_row "conftest / cloudops --policy (time)" "$r_conftest" ">= 1" "$(verdict ge "$r_conftest" 1)"
    target_row "conftest / cloudops --policy (peak RSS)" "$r_conftest_rss" ">= 1" "$(verdict ge "$r_conftest_rss" 1)"
  else
    targets+=("| conftest | not run | | see below |")
  fi
else
  r_jq_floor=$(ratio "${median[jq]}" "${median[floor]}")
  targets+=("| cloudops targets | not measured (--skip-cloudops) | | |")
  targets+=("| jq / floor | $r_jq_floor | (info) | |")
fi

git_rev=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo none)
[[ -n $(git -C "$repo" status --porcelain -- src Cargo.toml Cargo.lock 2>/dev/null) ]] && git_rev="$git_rev (src dirty)"
cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
timer=$([[ $use_hyperfine -eq 1 ]] && hyperfine --version || echo "bash loop, date +%s.%N")
gen_s=$(jq -r '.seconds.total' "$target/meta.json")

report=$(cat <<EOF
# cloudops plan analyze benchmark

- date: $(date -u +%Y-%m-%dT%H:%M:%SZ), commit $git_rev
- machine: $(nproc) CPUs ($cpu), load average $load_before before, $load_after after
- timer: $timer; warmup 1; median of the timed runs
- plan: \`${plan#"$repo"/}\`: $plan_mb MiB ($plan_bytes bytes), $resources resource changes, built in ${gen_s}s
- terraform: $plan_line

| command | median s | mean ± σ s | min s | runs | peak RSS MB |
| --- | ---: | ---: | ---: | ---: | ---: |
$(printf '%s\n' "${rows[@]}")

| target | measured | goal | |
| --- | ---: | --- | --- |
$(printf '%s\n' "${targets[@]}")

${conftest_note}

Commands:

$(for i in "${!names[@]}"; do printf -- '- %s: `%s`\n' "${names[$i]}" "${cmds[$i]//$repo\//}"; done)
EOF
)
results="$work/results.md"
[[ $quick -eq 1 ]] && results="$work/results-quick.md"
printf '%s\n' "$report" >"$results"
echo
printf '%s\n' "$report"
echo
say "wrote $results"
if awk -v l="${load_before%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n * 0.75) }'; then
  say "warning: load average was ${load_before%% *} on $(nproc) CPUs before timing; numbers are noisy"
fi

if [[ $check -eq 1 && $missed -eq 1 ]]; then
  say "--check: a target was missed"
  exit 1
fi
exit 0
