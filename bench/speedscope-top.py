#!/usr/bin/env python3
"""Self and inclusive time per method from a dotnet-trace speedscope file (the hot paths of a profile).

usage: bench/speedscope-top.py FILE.speedscope.json [--top N] [--filter SUBSTRING]
Only threads that spent most time in Depesche code count, so the runtime's idle threads do not dilute the shares.
"""
import json
import sys
from collections import defaultdict


def main(argv):
    if len(argv) < 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if len(argv) >= 2 else 2
    path = argv[1]
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 25
    flt = argv[argv.index("--filter") + 1] if "--filter" in argv else "Depesche"
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    frames = [fr["name"] for fr in doc["shared"]["frames"]]
    # Only method frames (module!method) count for the filter: the root frame names the process and its path.
    ours = [("!" in f and flt in f) for f in frames]
    self_t, incl_t = defaultdict(float), defaultdict(float)
    total = 0.0
    for prof in doc["profiles"]:
        if prof.get("type") != "evented":
            continue
        stack, opened = [], {}
        t_self, t_incl, busy = defaultdict(float), defaultdict(float), 0.0
        last = prof.get("startValue", 0)
        for ev in prof["events"]:
            at = ev["at"]
            if stack:
                dt = at - last
                # dotnet-trace ends each sample in a pseudo frame (CPU_TIME, UNMANAGED_CODE_TIME): the method is below it.
                leaf = len(stack) - 1
                while leaf > 0 and frames[stack[leaf]].isupper():
                    leaf -= 1
                if any(ours[x] for x in stack):
                    t_self[stack[leaf]] += dt
                    busy += dt
            last = at
            if ev["type"] == "O":
                stack.append(ev["frame"])
                opened.setdefault(ev["frame"], []).append(at)
            else:
                fr = ev["frame"]
                if stack and stack[-1] == fr:
                    stack.pop()
                starts = opened.get(fr)
                if starts:
                    s = starts.pop()
                    if fr not in stack and (ours[fr] or any(ours[x] for x in stack)):  # recursion once
                        t_incl[fr] += at - s
        if busy <= 0:
            continue
        total += busy
        for k, v in t_self.items():
            self_t[k] += v
        for k, v in t_incl.items():
            incl_t[k] += v
    if total <= 0:
        print(f"no thread ran code matching '{flt}'", file=sys.stderr)
        return 1
    print(f"{total:.0f} ms on threads running '{flt}' code")
    print(f"{'self %':>7} {'incl %':>7}  method")
    for fr, v in sorted(self_t.items(), key=lambda kv: -kv[1])[:top]:
        print(f"{100 * v / total:7.1f} {100 * incl_t.get(fr, 0) / total:7.1f}  {frames[fr][:150]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
