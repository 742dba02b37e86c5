#!/usr/bin/env bash
# The check step of action.yml: runs `raci check` on the guides a pull request changes (or, without a base,
# on every tracked guide), with GitHub annotations, the job summary and a SARIF file, and records the exit
# code in $GITHUB_OUTPUT for the steps after it.
#
# Environment (set by action.yml from its inputs):
#   RACI_BASE      git revision to compare HEAD with (the pull request's base); empty: every tracked guide
#   RACI_FILES     git pathspecs of the guides, one per line
#   RACI_SARIF     where to write the SARIF report
#   RACI_BASELINE  a baseline file (raci check --baseline), or empty
#   RACI_CONFIG    a configuration file (raci check --config), or empty
set -euo pipefail

sarif="${RACI_SARIF:-raci.sarif}"
pathspecs=()
while IFS= read -r spec; do
  if [ -n "$spec" ]; then pathspecs+=("$spec"); fi
done <<< "${RACI_FILES:-:(glob)**/guide.*.md}"

# File names come from the pull request: NUL-separated so that none is split, and passed after `--` below so
# that none (`-c.md`, `--config=x.md`) is ever read as an option.
guides=()
if [ -n "${RACI_BASE:-}" ]; then
  while IFS= read -r -d '' file; do guides+=("$file"); done \
    < <(git diff -z --no-renames --name-only --diff-filter=ACM "$RACI_BASE...HEAD" -- "${pathspecs[@]}")
else
  while IFS= read -r -d '' file; do guides+=("$file"); done < <(git ls-files -z -- "${pathspecs[@]}")
fi

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; fi
}

if [ "${#guides[@]}" -eq 0 ]; then
  echo "raci check: no guide to check."
  output exit-code 0
  output sarif-file ''
  exit 0
fi

options=(check --format github --format "sarif:$sarif")
if [ -n "${RACI_BASELINE:-}" ]; then options+=(--baseline "$RACI_BASELINE"); fi
if [ -n "${RACI_CONFIG:-}" ]; then options+=(--config "$RACI_CONFIG"); fi

status=0
raci "${options[@]}" -- "${guides[@]}" || status=$?
output exit-code "$status"
# A SARIF file is written whenever the guides could be checked (exit 0 or 1).
if [ "$status" -le 1 ]; then output sarif-file "$sarif"; else output sarif-file ''; fi
exit 0
