#!/usr/bin/env bash
# Resident memory of OpenSLB holding N idle client connections on an HTTP listener.
# Loopback only; bounded (one minute). Usage: bench/memory.sh [N]   (default 10000)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n=${1:-10000}
jar="$root/openslb-server/target/openslb.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests install)
API=127.0.0.1:18680 ADMIN=127.0.0.1:18681 VIP=127.5.0.10 PORT=18090
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC -Xmx256m -XX:ActiveProcessorCount=1 -Dio.netty.leakDetection.level=disabled}
work=$(mktemp -d); pid=""; be=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; [ -n "$be" ] && kill $be 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
export OPENSLB_ACCESS_KEY_ID=LTAIbenchKey000000000001 OPENSLB_ACCESS_KEY_SECRET=benchSecret0123456789abcdefgh
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
# shellcheck disable=SC2086
java $JVM_OPTS -jar "$jar" server --data-dir "$work" --api-listen $API --admin-listen $ADMIN --vip-pool 127.5.0.0/24 > "$work/server.log" 2>&1 &
pid=$!
python3 -m http.server 18099 --bind 127.0.0.1 > /dev/null 2>&1 &
be=$!
until curl -sf "http://$ADMIN/readyz" >/dev/null; do sleep 0.1; done
slb() { java -XX:TieredStopAtLevel=1 -jar "$jar" slb "$@" --endpoint $API; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
lb=$(slb CreateLoadBalancer --Address $VIP | json LoadBalancerId)
slb CreateLoadBalancerHTTPListener --LoadBalancerId "$lb" --ListenerPort $PORT --HealthCheck off --Bandwidth -1 \
  --IdleTimeout 60 --BackendServerPort 18099 >/dev/null
slb StartLoadBalancerListener --LoadBalancerId "$lb" --ListenerPort $PORT >/dev/null
until ss -Htln "sport = :$PORT" | grep -q .; do sleep 0.1; done
sleep 2
rss() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }
before=$(rss)
python3 "$root/bench/idle_conns.py" "$n" $VIP $PORT 20 > "$work/idle.out" &
idler=$!
sleep 15
held=$(ss -Htn state established "sport = :$PORT" | wc -l)
during=$(rss)
wait $idler || true
echo "JVM: $JVM_OPTS"
echo "idle connections: $(cat "$work/idle.out"), held by OpenSLB: $held"
echo "OpenSLB RSS: $before MiB idle, $during MiB holding them (+$(( during - before )) MiB)"
