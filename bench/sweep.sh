#!/usr/bin/env bash
# sweep.sh - run apierrlint on real code: std and the ten pinned corpora.
#
# usage: bench/sweep.sh [--corpora DIR] [--only T1,T2,...] [--no-ref]
#
#   --only LIST   targets, comma-separated (default: std, the ten corpora
#                 gitea kratos caddy pocketbase httprate herodot hydra gokit render mux,
#                 and apps). A target is "std", a corpus name, "apps" (the framework
#                 applications of ../shared/corpora/apps, unpacked into CORPORA/apps:
#                 gotify, memos and the fiber recipes, each a target) or a path to a
#                 module directory.
#   --corpora DIR where corpora live (default .corpora, ignored by git); a missing
#                 corpus is fetched with ../shared/corpora/fetch-corpora.sh.
#   --no-ref      do not check load errors against the reference loaders (see below).
#   --vet         also run `go vet -json -vettool=apierrlint PKGS` in each target (the
#                 go vet driver: facts through its facts files): no panic, no "error" in
#                 the JSON, no output line but the load errors seen standalone, exit 0
#                 unless there are load errors, and the same distinct findings as the
#                 standalone run (go vet reports a finding once per package variant:
#                 p and p [p.test]; the counts differ, the sets must not).
#   env SWEEP_BIN=PATH  run PATH instead of the freshly built apierrlint (say,
#                 an older build, to compare findings).
#
# Builds apierrlint, bench/noop and bench/noopfact from the checkout into
# bench/out/bin (private: a concurrent rebuild of bin/ cannot swap them
# mid-run) and runs `apierrlint PKGS` in each target (PKGS: std for std, ./... in a
# module) and sorts every line of its output into:
#   findings         FILE.go:L:C: RULE: ... for a known rule, counted per rule
#   panics           a line with "panic:" or "fatal error:" (the trace after it is skipped)
#   skipped          "apierrlint: analysis skipped due to errors in package"
#   load errors      package errors that go/packages reports (type errors of broken
#                    packages, missing modules): "POS: msg" or "-: msg"
#   analysis errors  anything else: "apierrlint: <error>", unknown rules, stray output
# Load errors are the corpus's, not apierrlint's, only if a reference loader
# reports the same lines: bench/noop (singlechecker, dependencies from export
# data) or bench/noopfact (singlechecker, every package from source). A load
# error that neither reports counts as an analysis error. The references run
# only for targets with load errors.
#
# Writes bench/out/TARGET.txt (the findings, paths relative to the target,
# sorted), bench/out/TARGET.log (the whole output) and bench/out/sweep.md (the
# report). Exits 1 if any target has a panic, an analysis error or an
# unexpected exit code.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

RULES=(raw-http-error unknown-code status-mismatch missing-retry-after error-body-shape retry-after-format default-error-response ignore-directive)

corpora=$repo/.corpora
only=std,$(IFS=,; echo "${ALL_CORPORA[*]}"),apps
ref=1
vet=0
while [ $# -gt 0 ]; do
  case $1 in
    --corpora) corpora=${2:?}; shift 2 ;;
    --corpora=*) corpora=${1#*=}; shift ;;
    --only) only=${2:?}; shift 2 ;;
    --only=*) only=${1#*=}; shift ;;
    --no-ref) ref=0; shift ;;
    --vet) vet=1; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
mkdir -p "$corpora"
corpora=$(cd "$corpora" && pwd)
outdir=$repo/bench/out
mkdir -p "$outdir"
report=$(mktemp)
scratch=$(mktemp -d)
trap 'rm -rf "$report" "$scratch"' EXIT

report_header "apierrlint on real code: sweep.sh"
build_bins
linter=${SWEEP_BIN:-$bin/apierrlint}
[ -z "${SWEEP_BIN:-}" ] || say "- linter: $linter (SWEEP_BIN)"

rules_re=$(IFS='|'; echo "${RULES[*]}")
rows=()
problems=()
totals=(0 0 0 0 0 0)
declare -A rule_total=()
bad=0

IFS=, read -r -a listed <<<"$only"
targets=()
for t in "${listed[@]}"; do
  if [ "$t" = apps ]; then
    mapfile -t -O "${#targets[@]}" targets < <(app_targets "$corpora/apps")
  else
    targets+=("$t")
  fi
done
for t in "${targets[@]}"; do
  resolve_target "$t"
  note "== $T_NAME ($T_DIR, $T_PAT)"
  log=$outdir/$T_NAME.log
  timed "$log" "$T_DIR" "$linter" "$T_PAT"
  rc=$T_RC wall=$T_WALL rss=$T_RSS
  s=$scratch/$T_NAME
  mkdir -p "$s"
  : >"$s/findings" >"$s/panics" >"$s/skipped" >"$s/load" >"$s/aerr"
  # Classify. A line that starts with white space continues the entry above it
  # (multi-line package errors): it goes to the same file, indented, uncounted.
  awk -v s="$s" -v rules="$rules_re" '
    BEGIN { finding = "^[^[:space:]]+\\.go:[0-9]+:[0-9]+: (" rules "): " }
    trace { next }
    /panic:|^fatal error:/ { print > (s "/panics"); trace = 1; next }
    /^[0-9]+ findings?: / { next } # the summary line
    /^apierrlint: \.\/\.\.\. skips the nested module/ { next } # a note: modules ./... does not enter
    /^# / { last = "load"; print > (s "/load"); next } # a package that does not compile, as go build shows it
    /^[[:space:]]/ && last != "" { print > (s "/" last); next }
    $0 ~ finding { last = "findings"; print > (s "/findings"); next }
    /^apierrlint: analysis skipped due to errors in package/ { last = "skipped"; print > (s "/skipped"); next }
    /^apierrlint: / { last = "aerr"; print > (s "/aerr"); next }
    /^(-|[^[:space:]]+:[0-9]+(:[0-9]+)?): / { last = "load"; print > (s "/load"); next }
    /^[[:space:]]*$/ { next }
    { last = "aerr"; print > (s "/aerr") }
  ' "$log"
  heads() { grep -cv '^[[:space:]]' "$1" || true; }

  # Load errors that the reference loader does not report are apierrlint's.
  ref_note=
  if [ "$(heads "$s/load")" -gt 0 ] && [ $ref = 1 ]; then
    note "   $(heads "$s/load") load error(s): checking them against bench/noop and bench/noopfact"
    timed "$outdir/$T_NAME.ref-noop.log" "$T_DIR" "$bin/noop" "$T_PAT"
    timed "$outdir/$T_NAME.ref-noopfact.log" "$T_DIR" "$bin/noopfact" "$T_PAT"
    cat "$outdir/$T_NAME.ref-noop.log" "$outdir/$T_NAME.ref-noopfact.log" >"$s/ref"
    # Continuation lines follow their first line.
    # The references print "-: " before package errors and absolute paths;
    # apierrlint prints them as go build does: a "# path" line, then positions
    # relative to the target.
    awk -v ref="$s/ref" -v aerr="$s/aerr" -v dir="$T_DIR/" '
      function norm(l) { sub(/^-: /, "", l); if (index(l, dir) == 1) l = substr(l, length(dir) + 1); return l }
      BEGIN { while ((getline l < ref) > 0) known[norm(l)] = 1 }
      /^[[:space:]]/ { if (bad) print >> aerr; else print; next }
      /^# / { bad = 0; print; next }
      { bad = !(norm($0) in known) }
      bad { print "not reported by bench/noop nor bench/noopfact: " $0 >> aerr; next }
      { print }
    ' "$s/load" >"$s/load.ok"
    mv "$s/load.ok" "$s/load"
    ref_note=" (reported by bench/noop or bench/noopfact too)"
  fi
  n_find=$(heads "$s/findings") n_panic=$(heads "$s/panics") n_skip=$(heads "$s/skipped")
  n_load=$(heads "$s/load") n_aerr=$(heads "$s/aerr")
  if [ "$n_skip" -gt 0 ] && [ "$n_load" -eq 0 ]; then
    echo "analysis skipped in $n_skip package(s) without a load error" >>"$s/aerr"
    n_aerr=$((n_aerr + 1))
  fi

  # The exit code must agree: 0 clean, 3 findings, 1 load or analysis errors.
  rc_ok=0
  case $rc in
    0 | 3) rc_ok=1 ;;
    1) if [ $((n_load + n_aerr + n_panic)) -gt 0 ]; then rc_ok=1; fi ;;
  esac
  status=ok
  if [ "$n_panic" -gt 0 ] || [ "$n_aerr" -gt 0 ] || [ $rc_ok = 0 ]; then status=FAIL bad=1; fi

  # The findings, relative to the target, sorted.
  sed "s#^$T_DIR/##" "$s/findings" | sort >"$outdir/$T_NAME.txt"

  vet_cells=
  if [ $vet = 1 ]; then
    vlog=$outdir/$T_NAME.vet.log
    timed "$vlog" "$T_DIR" go vet -json "-vettool=$linter" "$T_PAT"
    v_find=$(count '"category": "' "$vlog") v_err=$(count '"error": "' "$vlog")
    vet_cells=" $T_RC | $T_WALL | $v_find |"
    note "   go vet -vettool: exit $T_RC, ${T_WALL}s, $v_find findings, $v_err errors"
    # The text lines (not JSON, not "# package" headers) and the JSON errors,
    # less the load errors already seen (the corpus's own).
    cat "$log" "$s/ref" 2>/dev/null >"$s/known" || true
    grep -E '"error": "|^[^[:space:]{}#]' "$vlog" | grep -vxF -f "$s/known" >"$s/vetbad" || true
    if [ -s "$s/vetbad" ] || has_panic "$vlog" || { [ "$T_RC" != 0 ] && [ "$n_load" -eq 0 ]; }; then
      status=FAIL bad=1
      problems+=("$T_NAME: go vet -vettool=apierrlint: exit $T_RC, $v_err error(s) in the JSON; all in ${vlog#"$repo"/}"$'\n'"$(head -n 12 "$s/vetbad" | cut -c1-300 | sed 's/^/    /')")
    fi
    # The distinct findings, "FILE:L:C: message" relative to the target, as
    # the standalone run prints them.
    awk '
      function unjson(v) {
        gsub(/\\u003c/, "<", v); gsub(/\\u003e/, ">", v); gsub(/\\u0026/, "\\&", v)
        gsub(/\\"/, "\"", v); gsub(/\\\\/, "\\", v); return v
      }
      /^[[:space:]]*"posn": "/ { p = $0; sub(/^[[:space:]]*"posn": "/, "", p); sub(/",$/, "", p) }
      /^[[:space:]]*"message": "/ && p != "" {
        m = $0; sub(/^[[:space:]]*"message": "/, "", m); sub(/",?$/, "", m)
        print unjson(p) ": " unjson(m); p = ""
      }
    ' "$vlog" | sed "s#^$T_DIR/##" | sort -u >"$outdir/$T_NAME.vet.txt"
    if ! cmp -s "$outdir/$T_NAME.txt" "$outdir/$T_NAME.vet.txt"; then
      status=FAIL bad=1
      problems+=("$T_NAME: go vet -vettool=apierrlint and apierrlint report different findings (< standalone, > go vet):"$'\n'"$(diff "$outdir/$T_NAME.txt" "$outdir/$T_NAME.vet.txt" | grep '^[<>]' | head -n 12 | cut -c1-300 | sed 's/^/    /')")
    fi
  fi

  per_rule=
  for r in "${RULES[@]}"; do
    c=$(grep -cE "^[^[:space:]]+\.go:[0-9]+:[0-9]+: $r: " "$s/findings" || true)
    per_rule+=" $c |"
    rule_total[$r]=$((${rule_total[$r]:-0} + c))
  done
  rows+=("| $T_NAME | $status | $rc | $wall | $(mb "$rss") | $n_panic | $n_aerr | $n_load | $n_skip | $n_find |$vet_cells$per_rule")
  totals=($((totals[0] + n_panic)) $((totals[1] + n_aerr)) $((totals[2] + n_load)) $((totals[3] + n_skip)) $((totals[4] + n_find)))
  note "   $status: exit $rc, ${wall}s, $n_find findings, $n_panic panics, $n_aerr analysis errors, $n_load load errors"

  show() { # show TITLE FILE: the first lines of FILE as a problem entry
    [ -s "$2" ] || return 0
    local body more=
    body=$(head -n 12 "$2" | sed 's/^/    /')
    if [ "$(wc -l <"$2")" -gt 12 ]; then
      more=$'\n'"    ... ($(wc -l <"$2") lines; all in ${log#"$repo"/})"
    fi
    problems+=("$T_NAME: $1"$'\n'"$body$more")
  }
  show "panic" "$s/panics"
  show "analysis errors" "$s/aerr"
  show "load errors$ref_note (the corpus's own; not a failure)" "$s/load"
  if [ $rc_ok = 0 ]; then problems+=("$T_NAME: unexpected exit code $rc (want 0, 3, or 1 with errors shown above)"); fi
done

say "## Results"
say
hdr="| target | status | exit | wall s | peak RSS MB | panics | analysis errors | load errors | skipped pkgs | findings |"
sep="|---|---|--:|--:|--:|--:|--:|--:|--:|--:|"
tot="| **total** | | | | | ${totals[0]} | ${totals[1]} | ${totals[2]} | ${totals[3]} | ${totals[4]} |"
if [ $vet = 1 ]; then hdr+=" vet exit | vet wall s | vet findings |" sep+="--:|--:|--:|" tot+=" | | |"; fi
for r in "${RULES[@]}"; do hdr+=" $r |" sep+="--:|" tot+=" ${rule_total[$r]} |"; done
say "$hdr"
say "$sep"
for r in "${rows[@]}"; do say "$r"; done
say "$tot"
say
say "exit: apierrlint's exit code (0 clean, 3 findings, 1 errors). Findings per target are in"
say "bench/out/TARGET.txt, whole outputs in bench/out/TARGET.log."
if [ ${#problems[@]} -gt 0 ]; then
  say
  say "## Problems"
  say
  say '```'
  for p in "${problems[@]}"; do say "$p"; done
  say '```'
fi
cat "$report" >"$outdir/sweep.md"
note "report written to $outdir/sweep.md"
exit $bad
