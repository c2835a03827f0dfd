#!/usr/bin/env bash
# OpenSLB side by side with HAProxy and nginx on the same nginx backends (bench/lbbench.sh):
# starts OpenSLB pinned to the proxy core, configures it through its own API (bin/openslb slb),
# then runs the harness with OpenSLB in the SUT slot. Loopback only; bounded in time.
#
#   bench/run.sh                 # all scenarios (a b c d), REPS=3: about 8 minutes
#   SCENARIOS="a" REPS=1 bench/run.sh
#
# Tools: apt-get install -y haproxy nginx libnginx-mod-stream wrk iperf3 nghttp2-client
# Listener settings match the references: round robin over 127.0.0.1:18081-18083, no health
# checks, no X-Forwarded-For, no gzip (HAProxy and nginx are configured without them).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for t in wrk haproxy nginx iperf3 taskset curl; do
  command -v $t >/dev/null || { echo "missing $t: apt-get install -y haproxy nginx libnginx-mod-stream wrk iperf3" >&2; exit 1; }
done
jar="$root/openslb-server/target/openslb.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests install)

API=127.0.0.1:18380 ADMIN=127.0.0.1:18381 VIP=127.3.0.10 HTTP_PORT=18080 TCP_PORT=18180
PROXY_CPUS=${PROXY_CPUS:-1}
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:ActiveProcessorCount=1 -Dio.netty.leakDetection.level=disabled}
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export OPENSLB_ACCESS_KEY_ID=LTAIbenchKey000000000001 OPENSLB_ACCESS_KEY_SECRET=benchSecret0123456789abcdefgh
ulimit -n 65536 || true

# shellcheck disable=SC2086
taskset -c "$PROXY_CPUS" java $JVM_OPTS -jar "$jar" server --data-dir "$work" \
  --api-listen $API --admin-listen $ADMIN --vip-pool 127.3.0.0/24 > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 300); do curl -sf "http://$ADMIN/readyz" >/dev/null && break; sleep 0.1; done
slb() { java -XX:TieredStopAtLevel=1 -jar "$jar" slb "$@" --endpoint $API; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

lb=$(slb CreateLoadBalancer --Address $VIP --LoadBalancerName bench --LoadBalancerSpec slb.s3.large | json LoadBalancerId)
web=$(slb CreateVServerGroup --LoadBalancerId "$lb" --VServerGroupName web --BackendServers \
  '[{"ServerId":"eni-b1","Type":"eni","ServerIp":"127.0.0.1","Port":18081,"Weight":100},
    {"ServerId":"eni-b2","Type":"eni","ServerIp":"127.0.0.1","Port":18082,"Weight":100},
    {"ServerId":"eni-b3","Type":"eni","ServerIp":"127.0.0.1","Port":18083,"Weight":100}]' | json VServerGroupId)
iperf=$(slb CreateVServerGroup --LoadBalancerId "$lb" --VServerGroupName iperf --BackendServers \
  '[{"ServerId":"eni-iperf","Type":"eni","ServerIp":"127.0.0.1","Port":15201,"Weight":100}]' | json VServerGroupId)
slb CreateLoadBalancerHTTPListener --LoadBalancerId "$lb" --ListenerPort $HTTP_PORT --VServerGroupId "$web" \
  --HealthCheck off --Scheduler rr --XForwardedFor off --Gzip off --IdleTimeout 60 --RequestTimeout 60 --Bandwidth -1 >/dev/null
slb CreateLoadBalancerTCPListener --LoadBalancerId "$lb" --ListenerPort $TCP_PORT --VServerGroupId "$iperf" \
  --HealthCheckSwitch off --Bandwidth -1 >/dev/null
slb StartLoadBalancerListener --LoadBalancerId "$lb" --ListenerPort $HTTP_PORT >/dev/null
slb StartLoadBalancerListener --LoadBalancerId "$lb" --ListenerPort $TCP_PORT >/dev/null
for _ in $(seq 100); do ss -Htln "sport = :$HTTP_PORT" | grep -q . && break; sleep 0.1; done
echo "# OpenSLB pid $pid: HTTP $VIP:$HTTP_PORT -> 127.0.0.1:18081-18083, TCP $VIP:$TCP_PORT -> 127.0.0.1:15201"
echo "# JVM: $JVM_OPTS"

SUT=$VIP:$HTTP_PORT SUT_TCP=$VIP:$TCP_PORT SUT_PID=$pid "$root/bench/lbbench.sh"

# Memory with 10,000 idle connections: bench/memory.sh
