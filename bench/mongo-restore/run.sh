#!/usr/bin/env bash
# mongo.restore vs a bare driver insertMany loop, both against an in-process mongo-java-server.
# Usage: bench/mongo-restore/run.sh [documents]   (default 1000000)
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o -pl stdlib -am test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test >/dev/null
cp="stdlib/target/test-classes:stdlib/target/classes:interpreter/target/test-classes:$(cat stdlib/target/bench.classpath)"
exec java -Xmx8g -cp "$cp" dev.runbook.stdlib.mongo.MongoRestoreBench "${1:-1000000}"
