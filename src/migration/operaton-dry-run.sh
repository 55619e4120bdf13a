#!/usr/bin/env bash
# Dry run of the exit path from Camunda 7.24 CE to Operaton (docs/adr/0011-operaton-exit.md).
# Copies the committed project into a scratch folder, rewrites the copy with src/migration/operaton/rewrite.yml
# (OpenRewrite), then compiles the main and test code of the copy. The project itself is never changed.
#
#   bash src/migration/operaton-dry-run.sh [scratch-folder]
#
# Prints what the recipe changed (files and lines), what is still Camunda-specific, and the compiler's verdict;
# the full logs stay in the scratch folder. Exit status: 0 when main and test code of the copy compile, 1 when not.
set -uo pipefail

project=$(cd "$(dirname "$0")/../.." && pwd)
scratch=${1:-$(mktemp -d "${TMPDIR:-/tmp}/mediatafel-operaton.XXXXXX")}
rewrite_plugin=org.openrewrite.maven:rewrite-maven-plugin:6.46.1

mkdir -p "$scratch"
git -C "$project" archive --format=tar HEAD | tar -x -C "$scratch"
cd "$scratch"
git init -q && git add -A && git -c user.name=dry-run -c user.email=dry-run@localhost commit -qm "Camunda 7.24 CE" || exit 2

echo "== rewriting a copy in $scratch"
if ! ./mvnw -B -ntp -Dlint.skip=true "$rewrite_plugin:run" \
    -Drewrite.configLocation="$scratch/src/migration/operaton/rewrite.yml" \
    -Drewrite.activeRecipes=nl.mediatafel.migration.MigrateToOperaton > rewrite.log 2>&1; then
  echo "rewrite failed, see $scratch/rewrite.log"; tail -20 rewrite.log; exit 2
fi
echo "== changed by the recipe"
git diff --shortstat
git diff --stat=200 | sed "$ d" | awk '{print $1}' | sed 's|/[^/]*$||' | sort | uniq -c | sort -rn | head -20

echo "== still naming Camunda after the rewrite, per file (review by hand)"
grep -rIc --exclude-dir=.git --exclude-dir=target --exclude-dir=migration --exclude='*.log' \
    -e 'org[./]camunda' -e 'camunda-admin' -e '/camunda/' . | grep -v ':0$' | sed 's|^\./||' | sort -t: -k2 -rn | head -25
find . -path ./target -prune -o -path '*/webjars/camunda' -print | sed 's|^\./|folder: |'

status=0
for goal in compile test-compile; do
  echo "== ./mvnw $goal on the copy"
  if ./mvnw -B -ntp -Dlint.skip=true -DskipTests "$goal" > "$goal.log" 2>&1; then
    echo "$goal: yes"
  else
    status=1
    echo "$goal: no, first errors:"
    grep -E '^\[ERROR\]' "$goal.log" | grep -vE 'To see the full|Re-run Maven|For more information|Help 1|^\[ERROR\] *$|-> \[Help' \
      | cut -c1-240 | head -25
    break
  fi
done
exit $status
