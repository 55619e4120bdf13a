#!/usr/bin/env bash
# Mediatafel against a bare Camunda 7 engine on one embedded PostgreSQL 17 server (synchronous_commit=on), in one run,
# alternating batches so the machine's load falls on both alike (docs/benchmarks.md, "PostgreSQL against a bare
# engine"). Needs Java 17+ and the Maven wrapper; PostgreSQL comes as zonky's embedded binaries from Maven Central and
# mail goes to an in-process GreenMail SMTP server. Prints a Markdown table; writes it and a PNG chart to target/bench/.
#
#   bash src/bench/postgres-benchmark.sh                    # 300 and 1,000 open cases (about 10 minutes here)
#   LEVELS=1000,10000 bash src/bench/postgres-benchmark.sh  # longer: the 10,000 open cases are loaded the same way
#   BATCH=50 SAMPLES=200 MAILS=1000 JVM=-Xmx2g ...          # the other knobs and their defaults
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -q -Pbench -DskipTests -Dlint.skip=true \
  -Dbench.levels="${LEVELS:-300,1000}" -Dbench.batch="${BATCH:-50}" -Dbench.samples="${SAMPLES:-200}" \
  -Dbench.mails="${MAILS:-1000}" -Dbench.jvm="${JVM:--Xmx2g}" \
  test-compile exec:exec@bench
