#!/usr/bin/env python3
"""Opens N idle TCP connections to HOST:PORT, holds them HOLD seconds, then closes them all.
Prints how many were established. Loopback only; bounded in count and time."""
import resource, socket, sys, time

n, host, port, hold = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
assert host.startswith("127."), "loopback only"
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, n + 1024), hard))
socks, deadline = [], time.time() + 60
for i in range(n):
    if time.time() > deadline:
        break
    s = socket.socket()
    s.settimeout(5)
    try:
        s.connect((host, port))
        socks.append(s)
    except OSError as e:
        print(f"connect {i} failed: {e}", file=sys.stderr)
        s.close()
        break
print(f"established {len(socks)}", flush=True)
time.sleep(hold)
for s in socks:
    s.close()
