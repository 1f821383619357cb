# Shared by the `repo scan` benchmarks (run.sh, tree.sh): the binary under test, timed runs
# with peak RSS, and ratios. Callers set `me` (their name, for messages), `repo`, `runs` and
# `bin` (empty: build the release binary) before sourcing, then call `bench_binary`.

die() { echo "$me: error: $*" >&2; exit 1; }

bench_binary() {
  [[ -x /usr/bin/time ]] || die "GNU time (/usr/bin/time) is required for peak RSS"
  if [[ -z $bin ]]; then
    (cd "$repo" && cargo build --release --bin cloudops >&2) || die "cargo build --release failed"
    bin="$repo/target/release/cloudops"
  fi
  [[ -x $bin ]] || die "$bin is not an executable"
}

# time_case FORMAT DIR -> "median_seconds peak_kb" over $runs scans
time_case() {
  local times=() rss=0 t r i
  for ((i = 0; i < runs; i++)); do
    r=$( { /usr/bin/time -f '%e %M' "$bin" repo scan "$2" --format "$1" > /dev/null; } 2>&1 | tail -1)
    t=${r% *}; times+=("$t")
    (( ${r#* } > rss )) && rss=${r#* }
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v rss="$rss" '{a[NR]=$1} END {print a[int((NR+1)/2)], rss}'
}

# ratio A B -> A/B to two places; B under 0.01 counts as 0.01 (a run too fast to time)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b < 0.01) b = 0.01; printf "%.2f", a / b }'; }
