#!/usr/bin/env bash
# migrate.sh - what `apierrlint gen` and `apierrlint -fix` do to real applications.
#
# usage: bench/migrate.sh [--apps DIR] [--only NAME,...] [--no-test] [--keep DIR]
#
#   --apps DIR    where the framework applications are unpacked (default
#                 .corpora/apps; unpacked from ../shared/corpora/apps when missing).
#   --only LIST   applications, comma-separated, by directory name: gotify, memos,
#                 or a fiber recipe (404-handler, auth-jwt, ...). Default: all.
#   --no-test     skip the applications' own tests (before and after).
#   --keep DIR    keep each migrated copy in DIR/NAME (default: a temporary
#                 directory, removed at the end); DIR/NAME.diff is its diff.
#
# For each application, in a copy of it (a git repository, so that the changes
# are a diff), as a team would migrate:
#   1. apierrlint ./...                       the findings before (per rule)
#   2. apierrlint gen -framework FW -pkg apierr -o internal/apierr/apierr.go \
#        -config .apierrlint.yml              the error package, default-codes and
#                                             error-writer in the configuration
#   3. apierrlint -fix ./...                  the rewrites
#   4. apierrlint ./...                       the findings after
#   5. apierrlint -fix ./... again: the diff must not change (idempotent);
#      gofmt -l on the changed files must print nothing;
#      go build ./..., go vet ./..., and go test ./... (the packages that passed
#      before must pass after).
# Prints a Markdown table: findings of raw-http-error, error-body-shape and
# default-error-response before and after, the share fixed, and the checks.
# Exits 1 when a check fails (build, vet, a test that passed before, gofmt,
# idempotence), not for findings left.
set -euo pipefail
# shellcheck source=bench/lib.sh
. "$(dirname "$0")/lib.sh"

apps=$repo/.corpora/apps only='' tests=1 keep=''
while [ $# -gt 0 ]; do
  case $1 in
    --apps) apps=${2:?}; shift 2 ;;
    --only) only=${2:?}; shift 2 ;;
    --no-test) tests=0; shift ;;
    --keep) keep=${2:?}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

mkdir -p "$bin"
(cd "$repo" && go build -o "$bin/apierrlint" ./cmd/apierrlint) || die "build failed"
work=${keep:-$(mktemp -d)}
mkdir -p "$work"
[ -n "$keep" ] || trap 'rm -rf "$work"' EXIT

RULES=(raw-http-error error-body-shape default-error-response)

# framework DIR prints the gen framework of the module in DIR.
framework() {
  local mod=$1/go.mod
  if grep -q 'github.com/gin-gonic/gin ' "$mod"; then echo gin
  elif grep -q 'github.com/labstack/echo/v5 ' "$mod"; then echo echo/v5
  elif grep -q 'github.com/labstack/echo/v4 ' "$mod"; then echo echo
  elif grep -q 'github.com/gofiber/fiber/v3 ' "$mod"; then echo fiber/v3
  elif grep -q 'github.com/gofiber/fiber/v2 ' "$mod"; then echo fiber
  else echo net/http
  fi
}

# counts FILE prints the findings of each of RULES in FILE, space-separated.
counts() {
  local r out=()
  for r in "${RULES[@]}"; do out+=("$(count ": $r: " "$1")"); done
  echo "${out[*]}"
}

# failing DIR LOG prints the packages whose tests fail in DIR, sorted.
failing() {
  (cd "$1" && go test -count=1 -timeout 10m ./... >"$2" 2>&1) || true
  grep -E '^(FAIL|---)' "$2" | awk '$1 == "FAIL" && NF >= 2 { print $2 }' | sort -u
}

# lint DIR OUT [FLAGS...] runs apierrlint FLAGS ./... in DIR, output to OUT;
# exit 0 (no findings) and 3 (findings) are its answers, anything else (a
# package that does not load, a configuration apierrlint cannot read) a
# failure of the migration.
lint() {
  local dir=$1 log=$2 rc=0
  shift 2
  (cd "$dir" && "$bin/apierrlint" "$@" ./...) >"$log" 2>&1 || rc=$?
  case $rc in
    0 | 3) return 0 ;;
    *) note "$(basename "$dir"): apierrlint $* exited $rc: $(grep -vE '\.go:[0-9]+:[0-9]+: ' "$log" | head -2 | tr '\n' ' ')"; return 1 ;;
  esac
}

status=0
echo "| application | framework | raw-http-error | error-body-shape | default-error-response | fixed | build | vet | tests | gofmt | idempotent |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
while read -r src; do
  name=$(basename "$src")
  if [ -n "$only" ] && [[ ",$only," != *",$name,"* ]]; then continue; fi
  dir=$work/$name
  rm -rf "$dir"
  cp -a "$src" "$dir"
  fw=$(framework "$dir")
  (cd "$dir" && git init -q && git add -A && git -c user.name=m -c user.email=m@m commit -qm before) || die "git init in $dir"
  lint "$dir" "$dir.before" || { status=1; continue; }
  read -r -a before < <(counts "$dir.before")
  failed_before=''
  if [ $tests = 1 ]; then failed_before=$(failing "$dir" "$dir.test-before"); fi

  if ! (cd "$dir" && "$bin/apierrlint" gen -framework "$fw" -pkg apierr -o internal/apierr/apierr.go -config .apierrlint.yml) >"$dir.gen" 2>&1; then
    note "$name: gen failed: $(head -3 "$dir.gen")"
    status=1
    continue
  fi
  lint "$dir" "$dir.fix" -fix || { status=1; continue; }
  lint "$dir" "$dir.after" || { status=1; continue; }
  read -r -a after < <(counts "$dir.after")
  (cd "$dir" && git add -A && git diff --cached >"$dir.diff")
  lint "$dir" "$dir.fix2" -fix || { status=1; continue; }
  idem=yes
  if ! (cd "$dir" && git add -A && git diff --cached | cmp -s - "$dir.diff"); then idem=no status=1; fi
  changed=$(cd "$dir" && git diff --cached --name-only -- '*.go')
  fmt=ok
  if [ -n "$changed" ] && [ -n "$(cd "$dir" && echo "$changed" | xargs gofmt -l)" ]; then fmt=FAIL status=1; fi
  build=ok vet=ok test=-
  (cd "$dir" && go build ./... >"$dir.build" 2>&1) || { build=FAIL status=1; }
  (cd "$dir" && go vet ./... >"$dir.vet" 2>&1) || { vet=FAIL status=1; }
  if [ $tests = 1 ]; then
    failed_after=$(failing "$dir" "$dir.test-after")
    new=$(comm -13 <(echo "$failed_before") <(echo "$failed_after") | grep -v '^$' || true)
    if [ -n "$new" ]; then test="FAIL: $(echo "$new" | tr '\n' ' ')" status=1; else test=ok; fi
  fi
  b=$((before[0] + before[1] + before[2])) a=$((after[0] + after[1] + after[2]))
  share=$(awk -v b="$b" -v a="$a" 'BEGIN{ if (b > 0) printf "%d of %d (%.0f %%)", b-a, b, 100*(b-a)/b; else print "-" }')
  echo "| $name | $fw | ${before[0]} → ${after[0]} | ${before[1]} → ${after[1]} | ${before[2]} → ${after[2]} | $share | $build | $vet | $test | $fmt | $idem |"
done < <(app_targets "$apps")
exit $status
