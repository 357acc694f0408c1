#!/usr/bin/env python3
"""How long `diverge serve` takes to answer while slow clients hold connections open.

Opens N connections that send nothing, then times one GET /api/decisions.
Usage: scripts/slow-clients.py PORT N [N ...]   (against a running `diverge serve DIR --port PORT`)
"""
import socket
import sys
import time
import urllib.request


def main() -> None:
    port = int(sys.argv[1])
    for n in map(int, sys.argv[2:]):
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(n)]
        start = time.monotonic()
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/decisions", timeout=120) as r:
            r.read()
            status = r.status
        print(f"{n} idle connections: answered in {time.monotonic() - start:.3f} s (HTTP {status})")
        for s in idle:
            s.close()
        time.sleep(6)  # let the server close its side of the idle connections


if __name__ == "__main__":
    main()
