#!/usr/bin/env bash
# HTTPS: OpenSLB side by side with HAProxy on the same nginx backend, same certificate (RSA 2048).
#   new TLS handshakes/s : wrk -H 'Connection: close' over https (one full handshake per request; wrk
#                          does not resume sessions)
#   keep-alive req/s     : wrk over TLS, persistent connections
#   HTTP/2 req/s         : h2load, 16 connections x 10 streams
# Both proxies serve the same protocol version and suites in each row: TLS 1.2 (OpenSLB
# tls_cipher_policy_1_2, HAProxy ssl-max-ver TLSv1.2 with that policy's suites in its order) and
# TLS 1.3 (tls_cipher_policy_1_2_strict_with_1_3; HAProxy min TLS 1.2, AES-128-GCM first).
# Every figure is a steady state, taken the same way on every target: WARM seconds of the workload
# unmeasured, then DUR-second windows until two in a row agree within TOL percent (at most
# MAX_WINDOWS; the report shows how many OpenSLB took). A JVM on one shared core compiles a path
# over its first 30 s to 3 min of load; a load balancer lives in its steady state. Then REPS runs
# of DUR seconds on HAProxy and on OpenSLB, alternating (the machine's speed drifts by 10-20 %
# over minutes), and the medians are compared. OpenSLB runs once per TLS provider in PROVIDERS (BoringSSL by default; add "jdk" for the
# JDK's TLS, -Dopenslb.tls.provider=jdk). Pinning as bench/run.sh: proxies and the backend on
# core 1, load on core 0. Loopback only; every step bounded (wrk -d, h2load -D, timeout, MAX_WINDOWS).
#   bench/https.sh                       # 25-35 minutes
#   DUR=5 WARM=5 TLS=1.2 PROVIDERS="boringssl jdk" bench/https.sh
#   KINDS=h2 WARM=120 bench/https.sh     # HTTP/2 only, 2 minutes of warm-up per target
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
for t in wrk h2load haproxy nginx taskset curl openssl timeout; do
  command -v $t >/dev/null || { echo "missing $t: apt-get install -y haproxy nginx wrk nghttp2-client" >&2; exit 1; }
done
jar="$root/openslb-server/target/openslb.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests install)

DUR=${DUR:-10} WARM=${WARM:-30} TOL=${TOL:-5} MAX_WINDOWS=${MAX_WINDOWS:-12} REPS=${REPS:-3} KINDS=${KINDS:-"hs ka h2"} CONNS=${CONNS:-64} PROVIDERS=${PROVIDERS:-boringssl} TLS=${TLS:-"1.2 1.3"}
PROXY_CPUS=${PROXY_CPUS:-1} LOADGEN_CPUS=${LOADGEN_CPUS:-0}
API=127.0.0.1:18390 ADMIN=127.0.0.1:18391 VIP=127.3.1.10 PORT=18443 HA_PORT=18444 HA13_PORT=18445 BE_PORT=18491
# tls_cipher_policy_1_2's suites in its order (TlsPolicies.CLASSIC), for HAProxy's TLS 1.2 frontend
CIPHERS_12=ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:AES128-GCM-SHA256:AES256-GCM-SHA384:AES128-SHA256:AES256-SHA256:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA:AES128-SHA:AES256-SHA:DES-CBC3-SHA
JVM_OPTS=${JVM_OPTS:--XX:+UseSerialGC -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:ActiveProcessorCount=1 -Dio.netty.leakDetection.level=disabled}
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
export OPENSLB_ACCESS_KEY_ID=LTAIbenchKey000000000001 OPENSLB_ACCESS_KEY_SECRET=benchSecret0123456789abcdefgh
ulimit -n 65536 || true

openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 30 \
  -subj /CN=bench.test -addext subjectAltName=DNS:bench.test 2>/dev/null
cat "$work/cert.pem" "$work/key.pem" > "$work/bundle.pem"
mkdir -p "$work/tmp"
cat > "$work/backend.conf" <<NGX
worker_processes 1; pid $work/nginx.pid; error_log $work/nginx.err warn;
events { worker_connections 8192; }
http { access_log off; keepalive_requests 10000000; keepalive_timeout 120s;
  client_body_temp_path $work/tmp/cb; proxy_temp_path $work/tmp/p; fastcgi_temp_path $work/tmp/f;
  uwsgi_temp_path $work/tmp/u; scgi_temp_path $work/tmp/s;
  server { listen 127.0.0.1:$BE_PORT backlog=4096; location / { default_type text/plain; return 200 "hello from the backend, 100 bytes of body padding padding padding padding padding padding.."; } } }
NGX
cat > "$work/haproxy.cfg" <<HA
global
  nbthread 1
  maxconn 8000
  tune.ssl.default-dh-param 2048
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
  option http-keep-alive
  http-reuse always
frontend https12
  bind 127.0.0.1:$HA_PORT ssl crt $work/bundle.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2 ssl-max-ver TLSv1.2 ciphers $CIPHERS_12
  default_backend web
frontend https13
  bind 127.0.0.1:$HA13_PORT ssl crt $work/bundle.pem alpn h2,http/1.1 ssl-min-ver TLSv1.2 ciphersuites TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256
  default_backend web
backend web
  server b1 127.0.0.1:$BE_PORT
HA
taskset -c "$PROXY_CPUS" nginx -p "$work" -c "$work/backend.conf" -g 'daemon off;' 2>"$work/nginx.out" & pids+=($!)
taskset -c "$PROXY_CPUS" haproxy -f "$work/haproxy.cfg" >"$work/haproxy.out" 2>&1 & pids+=($!)
sleep 1

slb() { java -XX:TieredStopAtLevel=1 -jar "$jar" slb "$@" --endpoint $API; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

# one KIND URL SECONDS -> req/s of one run. KIND: hs (a new TLS handshake per request), ka
# (keep-alive HTTP/1.1), h2 (HTTP/2).
one() {
  case $1 in
    hs) timeout -k 3 $(($3 + 15)) taskset -c "$LOADGEN_CPUS" wrk -t1 -c"$CONNS" -d"$3s" -H 'Connection: close' "$2" | awk '/Requests\/sec/ {print $2}' ;;
    ka) timeout -k 3 $(($3 + 15)) taskset -c "$LOADGEN_CPUS" wrk -t1 -c"$CONNS" -d"$3s" "$2" | awk '/Requests\/sec/ {print $2}' ;;
    h2) timeout -k 3 $(($3 + 15)) taskset -c "$LOADGEN_CPUS" h2load -t1 -c16 -m10 -D "$3" "$2" 2>/dev/null | awk '/^finished in/ {gsub(",","",$4); print $4}' ;;
  esac
}

# warm KIND URL -> runs the workload WARM s, then DUR-s windows until two in a row agree within
# TOL percent (at most MAX_WINDOWS); prints the number of windows it took.
warm() {
  local prev=0 cur i
  one "$1" "$2" "$WARM" >/dev/null 2>&1 || true
  for i in $(seq "$MAX_WINDOWS"); do
    cur=$(one "$1" "$2" "$DUR" || true); cur=${cur:-0}
    if [ "$i" -gt 1 ] && python3 -c "import sys; a,b=$prev,$cur; sys.exit(0 if a and b and abs(a-b) <= $TOL/100*max(a,b) else 1)"; then
      break
    fi
    prev=$cur
  done
  echo "$i"
}

# pair KIND HAPROXY_URL OPENSLB_URL -> "haproxy_median openslb_median openslb_warm_windows": both warmed
# up, then REPS DUR-s runs of each, alternating, so that both see the same machine.
pair() {
  local h=() o=() w i
  warm "$1" "$2" >/dev/null
  w=$(warm "$1" "$3")
  for i in $(seq "$REPS"); do
    h+=("$(one "$1" "$2" "$DUR" || echo 0)")
    o+=("$(one "$1" "$3" "$DUR" || echo 0)")
  done
  python3 -c "import statistics as s; h=[float(x or 0) for x in '${h[*]}'.split()]; o=[float(x or 0) for x in '${o[*]}'.split()]; print(f'{s.median(h):.0f} {s.median(o):.0f} $w')"
}

policy() { case $1 in 1.2) echo tls_cipher_policy_1_2 ;; 1.3) echo tls_cipher_policy_1_2_strict_with_1_3 ;; esac; }
declare -A result

for provider in $PROVIDERS; do
  extra=""; [ "$provider" = jdk ] && extra="-Dopenslb.tls.provider=jdk"
  rm -rf "$work/data"; mkdir -p "$work/data"
  # shellcheck disable=SC2086
  taskset -c "$PROXY_CPUS" java $JVM_OPTS $extra -jar "$jar" server --data-dir "$work/data" \
    --api-listen $API --admin-listen $ADMIN --vip-pool 127.3.1.0/24 > "$work/server-$provider.log" 2>&1 &
  spid=$!; pids+=($spid)
  for _ in $(seq 300); do curl -sf "http://$ADMIN/readyz" >/dev/null && break; sleep 0.1; done
  lb=$(slb CreateLoadBalancer --Address $VIP --LoadBalancerName bench --LoadBalancerSpec slb.s3.large | json LoadBalancerId)
  vg=$(slb CreateVServerGroup --LoadBalancerId "$lb" --VServerGroupName web --BackendServers \
    "[{\"ServerId\":\"eni-b1\",\"Type\":\"eni\",\"ServerIp\":\"127.0.0.1\",\"Port\":$BE_PORT,\"Weight\":100}]" | json VServerGroupId)
  cert=$(slb UploadServerCertificate --ServerCertificate "$(cat "$work/cert.pem")" --PrivateKey "$(cat "$work/key.pem")" | json ServerCertificateId)
  slb CreateLoadBalancerHTTPSListener --LoadBalancerId "$lb" --ListenerPort $PORT --VServerGroupId "$vg" \
    --ServerCertificateId "$cert" --TLSCipherPolicy tls_cipher_policy_1_2 --EnableHttp2 on \
    --HealthCheck off --XForwardedFor off --Gzip off --IdleTimeout 60 --RequestTimeout 60 --Bandwidth -1 >/dev/null
  slb StartLoadBalancerListener --LoadBalancerId "$lb" --ListenerPort $PORT >/dev/null
  for _ in $(seq 100); do curl -skf "https://$VIP:$PORT/" >/dev/null && break; sleep 0.1; done
  taskset -a -c -p "$PROXY_CPUS" "$spid" >/dev/null
  for v in $TLS; do
    # a live policy change: new handshakes use it at once
    slb SetLoadBalancerHTTPSListenerAttribute --LoadBalancerId "$lb" --ListenerPort $PORT --TLSCipherPolicy "$(policy "$v")" >/dev/null
    sleep 1
    haport=$HA_PORT; [ "$v" = 1.3 ] && haport=$HA13_PORT
    for kind in $KINDS; do
      result[$provider-$v-$kind]=$(pair $kind "https://127.0.0.1:$haport/" "https://$VIP:$PORT/")
      echo "TLS $v $kind: haproxy, openslb-$provider, openslb warm-up windows: ${result[$provider-$v-$kind]}" >&2
    done
  done
  kill "$spid"; wait "$spid" 2>/dev/null || true
done

ratio() { python3 -c "a,b=float('$1'),float('$2'); print(f'{a/b:.2f}x' if b else 'n/a')"; }
echo
echo "HTTPS, RSA 2048, ~100 B responses. Per workload: HAProxy and OpenSLB each warmed up (${WARM}s, then ${DUR}s windows until two agree within ${TOL}%; OpenSLB's count of windows in brackets), then ${REPS} runs of ${DUR}s each, alternating; medians. wrk -t1 -c$CONNS, h2load -t1 -c16 -m10"
echo "cores: proxy + backend nginx on $PROXY_CPUS, load generator on $LOADGEN_CPUS; $(haproxy -v | head -1 | awk '{print "HAProxy", $3}') ($(openssl version | awk '{print $1, $2}'))"
echo
echo "| TLS | target | new TLS handshakes/s (Connection: close) | keep-alive HTTPS req/s | HTTP/2 req/s (h2load) |"
echo "|---|---|---|---|---|"
for provider in $PROVIDERS; do
  for v in $TLS; do
    row="| $v | HAProxy |"; srow="| $v | OpenSLB ($provider) |"
    for kind in hs ka h2; do
      if [ -z "${result[$provider-$v-$kind]:-}" ]; then row="$row - |"; srow="$srow - |"; continue; fi
      read -r h o w <<<"${result[$provider-$v-$kind]}"
      row="$row $h |"
      srow="$srow $o [$w] (**$(ratio "$o" "$h")**) |"
    done
    echo "$row"; echo "$srow"
  done
done
