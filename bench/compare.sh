#!/usr/bin/env bash
# compare.sh - what apierrlint costs, side by side with its baselines, in one run.
#
# usage: bench/compare.sh [--corpora DIR] [--only T1,T2,...] [-n N] [--noopfact]
#                         [--build-gcl] [--out FILE]
#
#   --only LIST   targets, comma-separated (default std,gitea,caddy). A target is
#                 "std", a corpus name (gitea kratos caddy pocketbase httprate herodot
#                 hydra gokit render mux) or a path to a module directory.
#   --corpora DIR where corpora live (default .corpora, ignored by git); a missing
#                 corpus is fetched with ../shared/corpora/fetch-corpora.sh.
#   -n N          measured runs per command (default 1); the table shows medians.
#                 Every command also runs once before, unmeasured (warm-up).
#   --noopfact    also measure bench/noopfact (the floor plus one fact type).
#   --tools LIST  measure only these groups (default floor,apierrlint,vet,nvet,avet,gcl,gnoop;
#                 also noopfact): floor, apierrlint, noopfact, vet (go vet), nvet (go vet
#                 -vettool=bench/noopfact: the floor of any vet tool with facts), avet
#                 (go vet -vettool=apierrlint), gcl (custom-gcl, both configs), gnoop
#                 (custom-gcl with govet + bench/gclnoopfact, an analyzer that does
#                 nothing but declare a fact type: golangci-lint's floor for apierrlint).
#                 A ratio whose base was not measured shows n/a.
#   --build-gcl   build custom-gcl from the checkout first (sh gcl/build.sh). Without
#                 it a copy of bin/custom-gcl is used; if there is none, its rows are
#                 skipped. (All binaries run from bench/out/bin, private copies.)
#   --out FILE    also write the report there (default bench/out/compare.md).
#
# Per target it measures wall time and peak RSS (/usr/bin/time) of:
#   floor           noop PKGS             (bench/noop: no-op analyzer without facts)
#   apierrlint      apierrlint PKGS       (cmd/apierrlint)
#   go vet          go vet PKGS, fully cached, and re-analysis: go vet -printf.funcs=<new> PKGS
#   go vet -vettool go vet -vettool=apierrlint PKGS, fully cached, and re-analysis:
#                   the same with -retry-after-value=<new> (changes no finding)
#   custom-gcl      custom-gcl run PKGS with govet only, and with govet + apierrlint,
#                   its result cache cleaned before every run
# PKGS is "std" for std and ./... in a module (golangci-lint takes directories,
# not "std": for std it gets the directory of every package of `go list std`
# but unsafe, on which golangci-lint's printf pass panics). A changed analyzer flag changes
# go vet's cache key, so the re-analysis runs every analysis (of the
# dependencies too) while compiled code stays cached; the fully cached run
# shows that it did.
#
# Prints a Markdown report (machine, table, PASS/MISS per target of the
# performance issue). Exits 1 only when a tool fails (an unexpected exit code,
# a panic), not when a target is missed.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

corpora=$repo/.corpora
only=std,gitea,caddy
n=1
with_noopfact=0
groups=floor,apierrlint,vet,nvet,avet,gcl,gnoop
build_gcl=0
out=$repo/bench/out/compare.md
while [ $# -gt 0 ]; do
  case $1 in
    --corpora) corpora=${2:?}; shift 2 ;;
    --corpora=*) corpora=${1#*=}; shift ;;
    --only) only=${2:?}; shift 2 ;;
    --only=*) only=${1#*=}; shift ;;
    -n) n=${2:?}; shift 2 ;;
    -n=* | --n=*) n=${1#*=}; shift ;;
    --noopfact) with_noopfact=1; shift ;;
    --tools) groups=${2:?}; shift 2 ;;
    --tools=*) groups=${1#*=}; shift ;;
    --build-gcl) build_gcl=1; shift ;;
    --out) out=${2:?}; shift 2 ;;
    --out=*) out=${1#*=}; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
case $n in '' | *[!0-9]* | 0) die "-n wants a positive integer" ;; esac
mkdir -p "$corpora"
corpora=$(cd "$corpora" && pwd)

work=$repo/bench/out/compare
mkdir -p "$work"
report=$(mktemp)
trap 'rm -f "$report"' EXIT
progress() { echo "  .. $*" >&2; }

report_header "apierrlint benchmark: compare.sh"

build_bins

# golangci-lint with apierrlint compiled in: a private copy of bin/custom-gcl
# (or a fresh build with --build-gcl), for the same reason as the others.
gcl=$bin/custom-gcl
gcl_note=
rm -f "$gcl"
if [ $build_gcl = 1 ]; then
  if [ -f "$repo/gcl/build.sh" ]; then
    (cd "$repo" && sh gcl/build.sh "$gcl") >&2 || die "gcl/build.sh failed"
  else
    (cd "$repo" && make custom-gcl) >&2 || die "make custom-gcl failed"
    cp -p "$repo/bin/custom-gcl" "$gcl"
  fi
elif [ -x "$repo/bin/custom-gcl" ]; then
  cp -p "$repo/bin/custom-gcl" "$gcl"
fi
if [ ! -x "$gcl" ]; then
  gcl_note="bin/custom-gcl not found: custom-gcl rows skipped (build it with \`make custom-gcl\`, or pass --build-gcl)"
  gcl=
else
  stale=$(cd "$repo" && find analyzer plugin catalog gcl internal go.mod go.sum -newer "$gcl" -type f \
    \( -name '*.go' -o -name 'go.*' -o -name '*.md' -o -name '*.json' \) -not -path '*/testdata/*' 2>/dev/null | head -n3 || true)
  if [ -n "$stale" ]; then
    gcl_note="WARNING: bin/custom-gcl is older than $(echo "$stale" | tr '\n' ' ')- it may embed an older apierrlint (rebuild: --build-gcl)"
  fi
  # A private result cache, so that cleaning it leaves other users' alone.
  export GOLANGCI_LINT_CACHE=$work/gcl-cache
  mkdir -p "$GOLANGCI_LINT_CACHE"
  cat >"$work/gcl-without.yml" <<'EOF'
version: "2"
linters:
  default: none
  enable: [govet]
EOF
  cat >"$work/gcl-noopfact.yml" <<'EOF'
version: "2"
linters:
  default: none
  enable: [govet, noopfact]
  settings:
    custom:
      noopfact:
        type: module
        description: does nothing but declare a fact type (benchmark)
        settings: {}
EOF
  cat >"$work/gcl-with.yml" <<'EOF'
version: "2"
linters:
  default: none
  enable: [govet, apierrlint]
  settings:
    custom:
      apierrlint:
        type: module
        description: HTTP handlers follow the documented API error convention
        settings: {}
EOF
fi

# The golangci-lint floor of an analyzer with facts: the same golangci-lint
# with one more plugin, bench/gclnoopfact (an analyzer that does nothing but
# declare a fact type), built from a copy of gcl/.
gnoop=
if [ -n "$gcl" ] && case ,$groups, in *,gnoop,*) true ;; *) false ;; esac; then
  gtmp=$(mktemp -d)
  cp -R "$repo/gcl/." "$gtmp/"
  sed -i.bak "s#=> \.\./*\$#=> $repo#" "$gtmp/go.mod"
  grep -v '^//go:build ignore' "$repo/bench/gclnoopfact/noopfact.go" >"$gtmp/noopfact.go"
  if (cd "$gtmp" && go build -trimpath -o "$bin/custom-gcl-noopfact" .) >&2; then
    gnoop=$bin/custom-gcl-noopfact
  else
    gcl_note+=" (custom-gcl-noopfact did not build: its rows are skipped)"
  fi
  rm -rf "$gtmp"
fi

say "- custom-gcl: $([ -n "$gcl" ] && "$gcl" version 2>&1 | head -n1 || echo 'not available')"
[ -n "$gcl_note" ] && say "- $gcl_note"
say "- runs per command: $n measured (median shown), after 1 unmeasured warm-up"
say

# The commands. TOOLS is the measured order within one round.
[ $with_noopfact = 1 ] && groups+=,noopfact
want() { case ,$groups, in *,$1,*) return 0 ;; esac; return 1; }
for g in ${groups//,/ }; do
  case $g in floor | noopfact | apierrlint | vet | nvet | avet | gcl | gnoop) ;; *) die "--tools: unknown group $g" ;; esac
done
TOOLS=()
if want floor; then TOOLS+=(floor); fi
if want noopfact; then TOOLS+=(noopfact); fi
if want apierrlint; then TOOLS+=(apierrlint); fi
if want vet; then TOOLS+=(vet-cached vet-re); fi
if want nvet; then TOOLS+=(nvet-cached nvet-re); fi
if want avet; then TOOLS+=(avet-cached avet-re); fi
if { want gcl || want gnoop; } && [ -n "$gcl" ]; then TOOLS+=(gcl-without); fi
if want gnoop && [ -n "$gnoop" ]; then TOOLS+=(gcl-noopfact); fi
if want gcl && [ -n "$gcl" ]; then TOOLS+=(gcl-with); fi
[ ${#TOOLS[@]} -gt 0 ] || die "nothing to measure"

label() {
  case $1 in
    floor) echo 'floor: bench/noop (no facts)' ;;
    noopfact) echo 'bench/noopfact (one fact type)' ;;
    apierrlint) echo 'apierrlint' ;;
    vet-cached) echo 'go vet, fully cached' ;;
    vet-re) echo 'go vet re-analysis' ;;
    nvet-cached) echo 'go vet -vettool=noopfact, fully cached' ;;
    nvet-re) echo 'go vet -vettool=noopfact re-analysis (vet tool floor)' ;;
    avet-cached) echo 'go vet -vettool=apierrlint, fully cached' ;;
    avet-re) echo 'go vet -vettool=apierrlint re-analysis' ;;
    gcl-without) echo 'custom-gcl: govet' ;;
    gcl-noopfact) echo 'custom-gcl: govet + noopfact (golangci-lint floor)' ;;
    gcl-with) echo 'custom-gcl: govet + apierrlint' ;;
  esac
}
# short TOOL: a short name for the "ratio vs" column.
short() {
  case $1 in
    floor) echo floor ;;
    vet-re) echo 'go vet re-analysis' ;;
    nvet-re) echo 'noopfact vettool re-analysis' ;;
    avet-re) echo 'vettool re-analysis' ;;
    gcl-without) echo 'custom-gcl: govet' ;;
  esac
}
# base TOOL: the row a ratio is taken against.
base() {
  case $1 in
    noopfact | apierrlint) echo floor ;;
    vet-cached) echo vet-re ;;
    nvet-cached) echo nvet-re ;;
    nvet-re) echo vet-re ;;
    avet-cached) echo avet-re ;;
    avet-re) echo vet-re ;;
    gcl-with | gcl-noopfact) echo gcl-without ;;
  esac
}

seq_no=0
# cmd_for TOOL sets CMD; the re-analysis commands get a new flag value each time.
cmd_for() {
  seq_no=$((seq_no + 1))
  local uniq=bench$$x${seq_no}x$RANDOM
  local secs=$$${seq_no}$RANDOM # a new whole number of seconds (-retry-after-value takes nothing else)
  local gflags=(--allow-parallel-runners --issues-exit-code=0 --show-stats=false
    --max-issues-per-linter=0 --max-same-issues=0 --output.json.path="$work/$T_NAME.$1.json")
  case $1 in
    floor) CMD=("$bin/noop" "$T_PAT") ;;
    noopfact) CMD=("$bin/noopfact" "$T_PAT") ;;
    apierrlint) CMD=("$bin/apierrlint" "$T_PAT") ;;
    # -json: diagnostics do not make the exit code non-zero, build failures do.
    vet-cached) CMD=(go vet -json "$T_PAT") ;;
    vet-re) CMD=(go vet -json "-printf.funcs=$uniq" "$T_PAT") ;;
    nvet-cached) CMD=(go vet -json "-vettool=$bin/noopfact" "$T_PAT") ;;
    nvet-re) CMD=(go vet -json "-vettool=$bin/noopfact" "-bust=$uniq" "$T_PAT") ;;
    avet-cached) CMD=(go vet -json "-vettool=$bin/apierrlint" "$T_PAT") ;;
    avet-re) CMD=(go vet -json "-vettool=$bin/apierrlint" "-retry-after-value=$secs" "$T_PAT") ;;
    gcl-without) CMD=("$gcl" run -c "$work/gcl-without.yml" "${gflags[@]}" "${GCL_PKGS[@]}") ;;
    gcl-with) CMD=("$gcl" run -c "$work/gcl-with.yml" "${gflags[@]}" "${GCL_PKGS[@]}") ;;
    gcl-noopfact) CMD=("$gnoop" run -c "$work/gcl-noopfact.yml" "${gflags[@]}" "${GCL_PKGS[@]}") ;;
  esac
}

failures=()
# run_tool TOOL: one run (golangci-lint's cache cleaned first); checks the outcome.
run_tool() {
  local tool=$1 log=$work/$T_NAME.$1.log
  cmd_for "$tool"
  case $tool in gcl-*) "$gcl" cache clean >/dev/null 2>&1 || true ;; esac
  timed "$log" "$T_DIR" "${CMD[@]}"
  local ok=0
  case $tool in
    floor)
      case $T_RC in 0) ok=1 ;; 1) ok=1; floor_load_errors=1 ;; esac ;;
    noopfact | apierrlint)
      # 1 is load or analysis errors: accepted only when the floor has load errors too.
      case $T_RC in 0 | 3) ok=1 ;; 1) [ "$floor_load_errors" = 1 ] && ok=1 ;; esac ;;
    *) [ "$T_RC" = 0 ] && ok=1 ;;
  esac
  if has_panic "$log"; then ok=0; fi
  if [ $ok = 0 ] && [ -z "${failed[$tool]:-}" ]; then
    failed[$tool]=1
    local what="exit $T_RC"
    if has_panic "$log"; then what+=", panic"; fi
    failures+=("$T_NAME / $(label "$tool"): $what; output in ${log#"$repo"/}:
$(grep -vE '^[^[:space:]]+\.go:[0-9]+:[0-9]+: ' "$log" | head -n 8 | cut -c1-300 | sed 's/^/    /')")
    progress "FAILED: $(label "$tool") (exit $T_RC), see $log"
  fi
}

rows=()
checks=()
# target_check KIND DESC W|R TOOL BASE LIMIT: a PASS/MISS line for TOOL's wall
# time (W) or peak RSS (R) over BASE's; KIND info: INFO, not a target here.
target_check() {
  local kind=$1 desc=$2 m=$3 a=$4 b=$5 lim=$6 v verdict
  if [ -n "${failed[$a]:-}${failed[$b]:-}" ]; then
    checks+=("SKIP $T_NAME: $desc: a tool failed"); return
  fi
  if [ "$m" = W ]; then v=$(ratio "${W[$a]:-}" "${W[$b]:-}"); else v=$(ratio "${R[$a]:-}" "${R[$b]:-}"); fi
  if [ "$v" = n/a ]; then
    checks+=("SKIP $T_NAME: $desc: not measured"); return
  fi
  if awk -v v="$v" -v l="$lim" 'BEGIN{exit !(v<=l)}'; then verdict=PASS; else verdict=MISS; fi
  if [ "$kind" = info ]; then verdict="INFO ($verdict)"; fi
  checks+=("$verdict $T_NAME: $desc ${v}x (target <= ${lim}x)")
}

IFS=, read -r -a targets <<<"$only"
for t in "${targets[@]}"; do
  resolve_target "$t"
  note "== $T_NAME ($T_DIR, $T_PAT)"
  GCL_PKGS=(./...)
  # golangci-lint takes directories; its printf pass panics on unsafe (no syntax).
  if [ "$T_PAT" = std ]; then mapfile -t GCL_PKGS < <(cd "$T_DIR" && go list std | grep -vx unsafe); fi
  declare -A walls=() rsss=() failed=()
  floor_load_errors=0
  progress "warm-up"
  for tool in "${TOOLS[@]}"; do
    case $tool in
      vet-re | nvet-re | avet-re) continue ;; # warmed by their fully cached twin, which fills the cache
    esac
    progress "warm-up: $(label "$tool")"
    run_tool "$tool"
  done
  for ((i = 1; i <= n; i++)); do
    for tool in "${TOOLS[@]}"; do
      progress "run $i/$n: $(label "$tool")"
      run_tool "$tool"
      progress "   $T_WALL s, $(mb "$T_RSS") MB"
      walls[$tool]+=" $T_WALL"
      rsss[$tool]+=" $T_RSS"
    done
  done

  declare -A W=() R=()
  for tool in "${TOOLS[@]}"; do
    # shellcheck disable=SC2086
    W[$tool]=$(median ${walls[$tool]})
    # shellcheck disable=SC2086
    R[$tool]=$(median ${rsss[$tool]})
  done
  for tool in "${TOOLS[@]}"; do
    b=$(base "$tool")
    wr=- rr=- vs=-
    if [ -n "$b" ]; then
      wr=$(ratio "${W[$tool]}" "${W[$b]:-}") rr=$(ratio "${R[$tool]}" "${R[$b]:-}") vs=$(short "$b")
    fi
    extra=
    log=$work/$T_NAME.$tool.log
    case $tool in
      apierrlint) extra="$(grep -cE '^[^[:space:]]+\.go:[0-9]+:[0-9]+: [a-z-]+: ' "$log" || true) findings" ;;
      avet-re) extra="$(grep -c '"posn"' "$log" || true) findings" ;;
      gcl-with) extra="$(count '"FromLinter":"apierrlint"' "$work/$T_NAME.$tool.json") apierrlint findings" ;;
    esac
    case $tool in gcl-*)
      tc=$(count '"FromLinter":"typecheck"' "$work/$T_NAME.$tool.json")
      [ "$tc" -gt 0 ] && extra="${extra:+$extra, }$tc typecheck issues" ;;
    esac
    [ "${failed[$tool]:-}" = 1 ] && extra="FAILED${extra:+, $extra}"
    rows+=("| $T_NAME | $(label "$tool") | ${W[$tool]} | $(mb "${R[$tool]}") | $wr | $rr | $vs | $extra |")
  done

  # The targets of the performance issue.
  kind=info
  case $T_NAME in std | gitea) kind=target ;; esac
  target_check $kind "apierrlint wall time vs floor" W apierrlint floor 1.5
  target_check $kind "apierrlint peak RSS vs floor" R apierrlint floor 1.2
  target_check target "go vet -vettool=apierrlint re-analysis vs go vet re-analysis, wall" W avet-re vet-re 0.5
  target_check info "go vet -vettool=noopfact (a vet tool with facts that does nothing) vs go vet re-analysis, wall" W nvet-re vet-re 0.5
  if [ -n "$gcl" ]; then
    target_check target "custom-gcl with apierrlint vs without, wall" W gcl-with gcl-without 1.05
    target_check info "custom-gcl with noopfact (an analyzer with facts that does nothing) vs without, wall" W gcl-noopfact gcl-without 1.05
  else
    checks+=("SKIP $T_NAME: custom-gcl with apierrlint vs without: no bin/custom-gcl")
  fi
  # Did the re-analysis re-run? It must take clearly longer than a cached run.
  for p in vet nvet avet; do
    want $p || continue
    [ -z "${failed[$p-re]:-}${failed[$p-cached]:-}" ] || continue
    r=$(ratio "${W[$p-re]}" "${W[$p-cached]}")
    if awk -v r="$r" 'BEGIN{exit !(r!="n/a" && r>=2)}'; then
      checks+=("ok   $T_NAME: $(label "$p-re") took ${r}x the fully cached run: it re-ran")
    else
      checks+=("WARN $T_NAME: $(label "$p-re") took only ${r}x the fully cached run: did it re-run?")
    fi
  done
  unset walls rsss failed W R
done

say "## Results"
say
say "| target | tool | wall s | peak RSS MB | wall ratio | RSS ratio | ratio vs | notes |"
say "|---|---|--:|--:|--:|--:|---|---|"
for r in "${rows[@]}"; do say "$r"; done
say
say "Medians of $n run(s). Peak RSS is that of the largest single process (getrusage via"
say "/usr/bin/time): for go vet the largest vet or compile process, not the sum of the tree."
say "Re-analysis: -printf.funcs=<new name> (go vet's analyzers) or -retry-after-value=<new"
say "value> (apierrlint) change go vet's cache key, so every analysis re-runs on cached builds."
say "custom-gcl: its result cache is cleaned before each run; govet alone is the baseline."
say
say "## Targets"
say
say '```'
for c in "${checks[@]}"; do say "$c"; done
say '```'
if [ ${#failures[@]} -gt 0 ]; then
  say
  say "## Tool failures"
  say
  say '```'
  for f in "${failures[@]}"; do say "$f"; done
  say '```'
fi
mkdir -p "$(dirname "$out")"
cat "$report" >"$out"
note "report written to $out"
[ ${#failures[@]} -eq 0 ]
