# Shared helpers of bench/compare.sh and bench/sweep.sh. Source it; not a command.
# Expects: set -euo pipefail in the caller.

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export GOTOOLCHAIN=local GOWORK=off

# The ten pinned corpora of ../shared/corpora/fetch-corpora.sh, in its order.
ALL_CORPORA=(gitea kratos caddy pocketbase httprate herodot hydra gokit render mux)
FETCH=$repo/../shared/corpora/fetch-corpora.sh
APPS_UNPACK=$repo/../shared/corpora/apps/unpack.sh

# app_targets DIR prints the module directories of the framework applications
# (../shared/corpora/apps: gotify on gin, memos on echo, the fiber recipes),
# unpacking them into DIR first when they are missing.
app_targets() {
  local dir=$1
  if [ ! -f "$dir/gotify/go.mod" ]; then
    [ -f "$APPS_UNPACK" ] || die "$dir/gotify is missing and $APPS_UNPACK does not exist"
    note "unpacking the framework applications into $dir"
    bash "$APPS_UNPACK" "$dir" >&2 || die "unpack.sh failed"
  fi
  echo "$dir/gotify"
  echo "$dir/memos"
  for r in "$dir"/fiber-recipes/*/; do
    if [ -f "$r/go.mod" ]; then echo "${r%/}"; fi
  done
}

# usage prints the calling script's header comment.
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }
die() { echo "${0##*/}: $*" >&2; exit 2; }
note() { echo "${0##*/}: $*" >&2; }

# machine_info prints what the numbers depend on, as a Markdown list.
machine_info() {
  local cpu load
  cpu=$(LC_ALL=C lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n1)
  load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  echo "- date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "- nproc: $(nproc); cpu: ${cpu:-unknown}; load average before the run: $load"
  echo "- memory (free -g): $(free -g | awk '/^Mem:/{print "total " $2 " GiB, available " $7 " GiB"}')"
  echo "- $(go version); GOFLAGS=$(go env GOFLAGS)"
  echo "- apierrlint: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(
    [ -n "$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null)" ] && echo ' + uncommitted changes')"
  echo
  echo '```'
  echo "\$ nproc"; nproc
  echo "\$ free -g"; free -g
  echo "\$ go version"; go version
  echo '```'
}

# The binaries measured: built from the checkout into a private directory, so
# that a concurrent `make build` (or anything else writing bin/) cannot swap
# them in the middle of a run. bench/out is ignored by git.
bin=$repo/bench/out/bin

# build_bins builds $bin/apierrlint, $bin/noop and $bin/noopfact from the checkout.
build_bins() {
  note "building apierrlint, bench/noop and bench/noopfact into ${bin#"$repo"/}/"
  mkdir -p "$bin"
  (cd "$repo" &&
    go build -o "$bin/apierrlint" ./cmd/apierrlint &&
    go build -o "$bin/noop" ./bench/noop &&
    go build -o "$bin/noopfact" ./bench/noopfact) || die "build failed"
}

# resolve_target NAME sets T_NAME, T_DIR and T_PAT (the package pattern to run
# in T_DIR). NAME is "std", a corpus name (fetched into $corpora when missing)
# or a path to a module directory.
resolve_target() {
  local name=$1
  case $name in
    std)
      T_NAME=std T_DIR=$(go env GOROOT)/src T_PAT=std ;;
    */* | .*)
      [ -d "$name" ] || die "no such directory: $name"
      T_DIR=$(cd "$name" && pwd) T_NAME=$(basename "$T_DIR") T_PAT=./... ;;
    *)
      local known=0 c
      for c in "${ALL_CORPORA[@]}"; do [ "$c" = "$name" ] && known=1; done
      if [ ! -f "$corpora/$name/go.mod" ]; then
        [ $known = 1 ] || die "unknown target $name (std, a corpus name: ${ALL_CORPORA[*]}, or a path)"
        [ -x "$FETCH" ] || [ -f "$FETCH" ] || die "$corpora/$name is missing and $FETCH does not exist"
        note "fetching $name into $corpora"
        bash "$FETCH" "$corpora" "$name" >&2 || die "fetch-corpora.sh $name failed"
      fi
      T_NAME=$name T_DIR=$corpora/$name T_PAT=./... ;;
  esac
}

# timed LOG DIR CMD... runs CMD in DIR under /usr/bin/time, output (stdout and
# stderr) to LOG; sets T_RC, T_WALL (seconds) and T_RSS (KB: peak RSS of the
# largest process of the tree, as getrusage reports it).
timed() {
  local log=$1 dir=$2 tf
  shift 2
  tf=$(mktemp)
  set +e
  (cd "$dir" && exec /usr/bin/time -f '%e %M' -o "$tf" "$@") >"$log" 2>&1
  T_RC=$?
  set -e
  T_WALL= T_RSS=
  read -r T_WALL T_RSS < <(tail -n1 "$tf") || true
  rm -f "$tf"
  case $T_WALL in '' | *[!0-9.]*) T_WALL=0 T_RSS=0 ;; esac
}

# median NUM... prints the median.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END{if(NR%2)print v[(NR+1)/2]; else printf "%.2f\n",(v[NR/2]+v[NR/2+1])/2}'; }

# ratio A B prints A/B with two decimals, or "n/a".
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{if(a!="" && b>0)printf "%.2f\n",a/b; else print "n/a"}'; }

# mb KB prints megabytes (base 1024), no decimals.
mb() { awk -v k="$1" 'BEGIN{printf "%.0f\n",k/1024}'; }

# has_panic LOG: the output shows a Go panic or runtime fatal error.
has_panic() { grep -qE 'panic:|^fatal error:' "$1"; }

# count STRING FILE prints how often STRING occurs in FILE (0 if FILE is missing).
count() { { grep -oF -- "$1" "$2" 2>/dev/null || true; } | wc -l; }

# say LINE prints LINE and appends it to the report ($report).
say() { echo "$*" | tee -a "$report"; }

# report_header TITLE starts the report: its title and the machine.
report_header() {
  say "# $1"
  say
  say "## Machine"
  say
  machine_info | tee -a "$report"
  say
}
