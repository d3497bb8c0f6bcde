#!/usr/bin/env bash
# The steps of the docschema GitHub Action (../action.yml), runnable outside GitHub with the same environment:
# INPUT_* as in action.yml; GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files when set. Runs the docschema installed in
# the project (npx --no-install), so the action and `npm run` use the same version. Exit 1 when the output is stale
# or the diff reaches fail-on, 2 on a usage or input error; every step runs either way, so a stale output still gets
# its pull-request comment.
set -uo pipefail

cd "${INPUT_WORKING_DIRECTORY:-.}" || exit 2
docschema() { npx --no-install docschema "$@"; }
worst=0
record() { [ "$1" -gt "$worst" ] && worst=$1; return 0; }

if [ "${INPUT_CHECK:-true}" = "true" ]; then
  echo "::group::docschema generate --check"
  docschema generate --check
  record $?
  echo "::endgroup::"
fi

base="${INPUT_BASE:-}"
if [ -n "$base" ]; then
  # The base as the checkout knows it: the remote branch of a pull request, fetched when the clone is shallow.
  rev="$base"
  if git rev-parse --verify --quiet "origin/$base^{commit}" >/dev/null; then
    rev="origin/$base"
  elif ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null && git remote get-url origin >/dev/null 2>&1; then
    git fetch --quiet --no-tags --depth=1 origin "+refs/heads/$base:refs/remotes/origin/$base" && rev="origin/$base"
  fi
  spec="$rev${INPUT_DOCS:+:$INPUT_DOCS}"
  paths=()
  [ -n "${INPUT_DOCS:-}" ] && paths=("$INPUT_DOCS")
  comment="${INPUT_COMMENT_FILE:-docschema-diff.md}"

  docschema diff --git "$spec" "${paths[@]}" --format markdown >"$comment"
  record $?
  # Annotations on the doc lines; this run decides the verdict.
  docschema diff --git "$spec" "${paths[@]}" --format github ${INPUT_FAIL_ON:+--fail-on "$INPUT_FAIL_ON"}
  record $?

  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "comment-file=$(cd "$(dirname "$comment")" && pwd)/$(basename "$comment")" >>"$GITHUB_OUTPUT"
  fi
  [ -n "${GITHUB_STEP_SUMMARY:-}" ] && cat "$comment" >>"$GITHUB_STEP_SUMMARY"
fi

exit "$worst"
