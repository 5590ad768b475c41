#!/usr/bin/env bash
# contract.sh - what a large OpenAPI catalog costs go vet, with and without the
# contract cache (internal/contractcache).
#
# usage: bench/contract.sh [-n N] [--corpus DIR] DOC
#
#   DOC           the OpenAPI document, e.g. k8s.io/kubernetes@v1.34.0's
#                 api/openapi-spec/swagger.json (go mod download -json k8s.io/kubernetes@v1.34.0)
#   --corpus DIR  the module to vet (default .corpora/gitea; read only)
#   -n N          paired runs (default 3): each round runs the three commands in turn
#
# Measures wall time and peak RSS (/usr/bin/time; the peak of the largest
# process) of
#   load:    apierrlint catalog -catalog DOC, cache off, and cache warm
#   default: go vet -vettool=apierrlint ./...            (the embedded catalog)
#   off:     go vet -vettool=apierrlint -catalog DOC ./... APIERRLINT_CACHE=off
#   cached:  go vet -vettool=apierrlint -catalog DOC ./... (a warm private cache)
# Every go vet run gets a new -retry-after-value, which re-runs every package's
# analysis (compiled code stays cached), as compare.sh's re-analysis does. The
# cached runs count the processes that loaded the contract (APIERRLINT_CACHE_LOG).
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

n=3
corpus=$repo/.corpora/gitea
while [ $# -gt 1 ]; do
  case $1 in
    -n) n=${2:?}; shift 2 ;;
    --corpus) corpus=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown flag $1" ;;
  esac
done
[ $# = 1 ] || { usage; exit 2; }
doc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -f "$doc" ] || die "no such document: $1"
[ -f "$corpus/go.mod" ] || die "no module in $corpus"

mkdir -p "$bin"
go build -o "$bin/apierrlint" "$repo/cmd/apierrlint"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cache=$work/cache

machine_info
echo "- document: $doc ($(wc -c <"$doc") bytes); corpus: $corpus"
echo

# measure LABEL CMD...: one run; prints LABEL, seconds, peak RSS in MB.
measure() {
  local label=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1 || {
    local rc=$?
    # go vet -json exits 0 with findings; anything else is a failure.
    echo "$label failed (exit $rc):"; head -n 20 "$work/out"; exit 1
  }
  read -r secs kb <"$work/time"
  printf '%s\t%s\t%d\n' "$label" "$secs" $((kb / 1024))
}

echo '| run | command | wall s | max RSS MB |'
echo '|---|---|---|---|'
# row ROUND COMMAND SECS MB; an empty SECS is a failed measure (its output was printed).
row() { [ -n "$3" ] || die "round $1: $2 failed"; printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4"; }

APIERRLINT_CACHE=$cache "$bin/apierrlint" catalog -catalog "$doc" >/dev/null 2>&1 # warm
for i in $(seq "$n"); do
  IFS=$'\t' read -r l s m < <(APIERRLINT_CACHE=off measure load-off "$bin/apierrlint" catalog -catalog "$doc")
  row "$i" "apierrlint catalog -catalog DOC, cache off" "$s" "$m"
  IFS=$'\t' read -r l s m < <(APIERRLINT_CACHE=$cache measure load-cached "$bin/apierrlint" catalog -catalog "$doc")
  row "$i" "apierrlint catalog -catalog DOC, cached" "$s" "$m"
done
cd "$corpus"
go vet -json "-vettool=$bin/apierrlint" ./... >/dev/null 2>&1 || true # warm the build cache
for i in $(seq "$n"); do
  IFS=$'\t' read -r l s m < <(measure default go vet -json "-vettool=$bin/apierrlint" "-retry-after-value=$$$i$RANDOM" ./...)
  row "$i" "go vet -vettool=apierrlint (default catalog)" "$s" "$m"
  IFS=$'\t' read -r l s m < <(APIERRLINT_CACHE=off measure off go vet -json "-vettool=$bin/apierrlint" "-catalog=$doc" "-retry-after-value=$$$i$RANDOM" ./...)
  row "$i" "go vet -vettool=apierrlint -catalog DOC, cache off" "$s" "$m"
  : >"$work/log"
  IFS=$'\t' read -r l s m < <(APIERRLINT_CACHE=$cache APIERRLINT_CACHE_LOG=$work/log measure cached go vet -json "-vettool=$bin/apierrlint" "-catalog=$doc" "-retry-after-value=$$$i$RANDOM" ./...)
  row "$i" "go vet -vettool=apierrlint -catalog DOC, cached ($(grep -c '^hit' "$work/log") loads, $(grep -c '^miss' "$work/log") misses)" "$s" "$m"
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
