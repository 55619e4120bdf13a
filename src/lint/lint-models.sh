#!/usr/bin/env bash
# Lints every BPMN model in processes/ with the repository's .bpmnlintrc (bpmnlint:recommended and Camunda 7.24
# compatibility, the rules Camunda Modeler shows) and fails on an error. Run by `./mvnw verify`; on its own:
#   bash src/lint/lint-models.sh
# Needs Node 18+ and npm; the pinned versions are in src/lint/package-lock.json.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
lint="$root/src/lint"
cd "$root"
if [ ! -x "$lint/node_modules/.bin/bpmnlint" ] || [ "$lint/package-lock.json" -nt "$lint/node_modules/.package-lock.json" ]; then
  npm ci --prefix "$lint" --no-audit --no-fund --loglevel=error
fi
shopt -s nullglob
models=(processes/*.bpmn)
NODE_PATH="$lint/node_modules" "$lint/node_modules/.bin/bpmnlint" "${models[@]}"
echo "bpmnlint: ${#models[@]} models in processes/, no errors"
