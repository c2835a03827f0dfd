#!/usr/bin/env bash
# API figures of issue 2: server start time, idle memory, and calls/s of
# DescribeLoadBalancerAttribute and CreateLoadBalancer through the official SDK.
# Loopback only; bounded in time (2 x SECONDS of load). Usage: bench/api.sh [THREADS] [SECONDS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
threads=${1:-4}
seconds=${2:-10}
jar="$root/openslb-server/target/openslb.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests install)
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
cat > "$work/openslb.yaml" <<YAML
quotas:
  load-balancers-per-account: 100000
YAML
export OPENSLB_ACCESS_KEY_ID=LTAIbenchKey000000000001 OPENSLB_ACCESS_KEY_SECRET=benchSecret0123456789abcdefgh
cp=$(cd "$root" && mvn -B -q dependency:build-classpath -pl openslb-it -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test 2>/dev/null)
t0=$(date +%s%N)
taskset -c 1 java -XX:+UseSerialGC -jar "$jar" server --data-dir "$work" --config "$work/openslb.yaml" \
  --api-listen 127.0.0.1:18480 --admin-listen 127.0.0.1:18481 --vip-pool 127.2.0.0/16 > "$work/server.log" 2>&1 &
pid=$!
until curl -sf http://127.0.0.1:18481/readyz >/dev/null; do sleep 0.02; done
t1=$(date +%s%N)
sleep 3
echo "start to ready      : $(( (t1 - t0) / 1000000 )) ms (JVM start included)"
echo "idle RSS            : $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
taskset -c 0 java -Dlogback.configurationFile="$root/bench/logback-bench.xml" -cp "$cp" "$root/bench/ApiBench.java" 127.0.0.1:18480 "$OPENSLB_ACCESS_KEY_ID" "$OPENSLB_ACCESS_KEY_SECRET" "$threads" "$seconds"
echo "RSS after load      : $(( $(ps -o rss= -p $pid) / 1024 )) MiB"
