#!/usr/bin/env bash
# paired.sh - what a change costs: two revisions' apierrlint, run in turn.
#
# usage: bench/paired.sh [--only T1,T2,...] [-n N] [--corpora DIR] OLD [NEW]
#
#   OLD, NEW      git revisions (NEW defaults to the checkout's HEAD). Each is
#                 built from a detached worktree into bench/out/paired/REV.
#   --only LIST   targets, comma-separated (default std,gitea): "std", a corpus
#                 name (see compare.sh) or a path to a module directory.
#   -n N          rounds per target (default 5). A round runs OLD, then NEW
#                 (odd rounds) or NEW, then OLD (even rounds), so that a change
#                 in the machine's load falls on both alike.
#   --corpora DIR where corpora live (default .corpora).
#
# Prints, per target, each round's wall time, user+sys CPU time and peak RSS
# of both binaries, their medians, NEW/OLD, and the findings of each (the
# number of output lines; they differ when the change adds findings). On a
# machine shared with other work, CPU time says more than wall time. Every
# binary runs once before the rounds, unmeasured (warm-up: the build cache of
# the target's export data).
set -euo pipefail
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
corpora=$repo/.corpora

only=std,gitea n=5 old='' new=HEAD
while [ $# -gt 0 ]; do
  case $1 in
    --only) only=$2; shift 2 ;;
    -n) n=$2; shift 2 ;;
    --corpora) corpora=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown flag $1" ;;
    *) if [ -z "$old" ]; then old=$1; else new=$1; fi; shift ;;
  esac
done
[ -n "$old" ] || { usage >&2; exit 2; }

out=$repo/bench/out/paired
mkdir -p "$out"
# build REV prints the path of REV's apierrlint, building it when missing.
build() {
  local sha dir
  sha=$(git -C "$repo" rev-parse --short=12 "$1^{commit}") || die "no such revision: $1"
  dir=$out/$sha
  if [ ! -x "$dir/apierrlint" ]; then
    note "building $1 ($sha)"
    rm -rf "$dir/src"
    git -C "$repo" worktree add -q --detach "$dir/src" "$sha" >&2
    (cd "$dir/src" && go build -o "$dir/apierrlint" ./cmd/apierrlint) >&2 || die "build of $1 failed"
    git -C "$repo" worktree remove --force "$dir/src" >&2
  fi
  echo "$dir/apierrlint"
}
oldbin=$(build "$old")
newbin=$(build "$new")

# run BIN LOG: sets R_WALL, R_CPU (user+sys, s), R_RSS (MB), R_LINES.
run() {
  local tf
  tf=$(mktemp)
  set +e
  # shellcheck disable=SC2086 # T_PAT is one word: std or ./...
  (cd "$T_DIR" && exec /usr/bin/time -f '%e %U %S %M' -o "$tf" "$1" $T_PAT) >"$2" 2>&1
  set -e
  local u s k
  read -r R_WALL u s k < <(tail -n1 "$tf")
  rm -f "$tf"
  R_CPU=$(awk -v u="$u" -v s="$s" 'BEGIN{printf "%.2f", u+s}')
  R_RSS=$(mb "$k")
  has_panic "$2" && die "$1 panicked on $T_NAME: see $2"
  R_LINES=$(grep -c ': ' "$2" || true)
}

echo "# paired runs: $old ($oldbin) against $new ($newbin), $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
IFS=, read -r -a targets <<<"$only"
for t in "${targets[@]}"; do
  resolve_target "$t"
  run "$oldbin" "$out/old.log"
  run "$newbin" "$out/new.log"
  echo
  echo "## $T_NAME ($T_PAT in $T_DIR)"
  echo
  echo "| round | old wall s | new wall s | old CPU s | new CPU s | old RSS MB | new RSS MB |"
  echo "|---|---|---|---|---|---|---|"
  ow=() nw=() oc=() nc=() orss=() nrss=()
  for ((i = 1; i <= n; i++)); do
    if ((i % 2)); then order="old new"; else order="new old"; fi
    for which in $order; do
      if [ "$which" = old ]; then
        run "$oldbin" "$out/old.log"
        ow+=("$R_WALL") oc+=("$R_CPU") orss+=("$R_RSS") olines=$R_LINES
      else
        run "$newbin" "$out/new.log"
        nw+=("$R_WALL") nc+=("$R_CPU") nrss+=("$R_RSS") nlines=$R_LINES
      fi
    done
    echo "| $i | ${ow[-1]} | ${nw[-1]} | ${oc[-1]} | ${nc[-1]} | ${orss[-1]} | ${nrss[-1]} |"
  done
  mow=$(median "${ow[@]}") mnw=$(median "${nw[@]}") moc=$(median "${oc[@]}") mnc=$(median "${nc[@]}")
  echo "| median | $mow | $mnw | $moc | $mnc | $(median "${orss[@]}") | $(median "${nrss[@]}") |"
  echo
  echo "new/old: wall $(ratio "$mnw" "$mow")x, CPU $(ratio "$mnc" "$moc")x; findings: old $olines, new $nlines;" \
    "load average now $(cut -d' ' -f1-3 /proc/loadavg)"
done
