#!/usr/bin/env bash
# The GitHub Action's logic (action.yml at the repository root; docs/ci.md).
#
# Builds apierrlint from the action's own checkout, GITHUB_ACTION_PATH: the
# ref that the workflow names (uses: apierrlint/apierrlint@REF), whatever it
# is (a tag, a branch, a commit), with the Go that the workflow set up and
# the module proxy. Then runs it in each working directory with the inputs
# (INPUT_*, set by action.yml). Findings go to stdout: with format github
# they are workflow commands, which the runner turns into annotations. With
# format sarif the runs' results are merged into one SARIF run (GitHub
# accepts one run per tool and category) written to the sarif-file output.
#
# Exit code: 0, or 3 when there are findings and fail-on-findings is true,
# or apierrlint's own when it fails (1: a package did not load; 2: bad flags
# or configuration).
set -euo pipefail

action=${GITHUB_ACTION_PATH:?GITHUB_ACTION_PATH is not set: run.sh runs as the apierrlint action}
tmp=${RUNNER_TEMP:-${TMPDIR:-/tmp}}
format=${INPUT_FORMAT:-github}
fail=${INPUT_FAIL_ON_FINDINGS:-true}

error() { echo "::error title=apierrlint::$*"; exit 2; }
case $format in text|json|sarif|github) ;; *) error "format: $format is not one of github, sarif, text, json" ;; esac
case $fail in true|false) ;; *) error "fail-on-findings: $fail is not true or false" ;; esac

# Built once per job and checkout of the action: a second use of the
# action at the same ref in the job (another module, another format) runs
# the same binary.
key=$(printf '%s' "$action" | cksum | cut -d' ' -f1)
mkdir -p "$tmp/apierrlint-action/$key"
bin="$tmp/apierrlint-action/$key/apierrlint"
if [ ! -x "$bin" ]; then
  echo "::group::build apierrlint from $action"
  (cd "$action" && go version && go build -o "$bin.new" ./cmd/apierrlint && mv "$bin.new" "$bin")
  echo "::endgroup::"
fi

flags=("-format=$format")
[ -n "${INPUT_CATALOG:-}" ] && flags+=("-catalog=$INPUT_CATALOG")
[ -n "${INPUT_CONFIG:-}" ] && flags+=("-config=$INPUT_CONFIG")
[ -n "${INPUT_BASELINE:-}" ] && flags+=("-baseline=$INPUT_BASELINE")
[ -n "${INPUT_NEW_FROM_REV:-}" ] && flags+=("-new-from-rev=$INPUT_NEW_FROM_REV")
read -r -a extra <<<"${INPUT_ARGS:-}"
read -r -a patterns <<<"${INPUT_PATTERNS:-./...}"
[ ${#patterns[@]} -gt 0 ] || patterns=(./...)

dirs=()
while IFS= read -r line; do
  line=${line#"${line%%[![:space:]]*}"}
  line=${line%"${line##*[![:space:]]}"}
  [ -n "$line" ] && dirs+=("$line")
done <<<"${INPUT_WORKING_DIRECTORY:-.}"
[ ${#dirs[@]} -gt 0 ] || dirs=(.)

findings=0
failed=0
sarifs=()
for i in "${!dirs[@]}"; do
  dir=${dirs[$i]}
  [ -d "$dir" ] || error "working-directory: $dir is not a directory"
  out="$tmp/apierrlint-action/out-$i"
  # (${a[@]+"${a[@]}"}: an empty array under set -u in bash 3.2, macOS's.)
  echo "apierrlint ${flags[*]} ${extra[*]+${extra[*]}} ${patterns[*]} (in $dir)" >&2
  set +e
  (cd "$dir" && "$bin" "${flags[@]}" ${extra[@]+"${extra[@]}"} "${patterns[@]}") >"$out"
  code=$?
  set -e
  case $code in
    0) ;;
    3) findings=1 ;;
    *) failed=$code ;;
  esac
  if [ "$format" = sarif ]; then
    sarifs+=("$out")
  else
    cat "$out"
  fi
done

if [ "$format" = sarif ]; then
  sarif=${INPUT_SARIF_FILE:-$tmp/apierrlint.sarif}
  if [ ${#sarifs[@]} -eq 1 ]; then
    cp "${sarifs[0]}" "$sarif"
  else
    # One run: the first one's tool and rules (the same in each: one
    # binary), every run's results. Their paths are relative to the
    # repository root, whichever directory they came from.
    jq -s '. as $all | $all[0] | .runs[0].results = [$all[].runs[0].results[]]' "${sarifs[@]}" >"$sarif"
  fi
  echo "sarif-file=$sarif" >>"${GITHUB_OUTPUT:-/dev/null}"
  echo "apierrlint: SARIF written to $sarif" >&2
fi

if [ "$failed" != 0 ]; then
  exit "$failed"
fi
if [ "$findings" = 1 ] && [ "$fail" = true ]; then
  exit 3
fi
exit 0
