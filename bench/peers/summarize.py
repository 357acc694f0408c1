#!/usr/bin/python3
"""Summary of bench/results: summary.json, scaling.svg and a Markdown table on stdout.

  /usr/bin/python3 bench/peers/summarize.py bench/results --peer-n 50000

Inputs: macro_<score>_<n>.json (macro_bench), peers.jsonl (peers.py). sklearn's time at
--peer-n, when not measured, is extrapolated with a least-squares fit t = a * n^2 through
its measured sizes (average linkage on the full distance matrix is O(n^2) time and memory);
the summary marks it "extrapolated". Standard library only.
"""
import argparse
import glob
import html
import json
import math
import os
import re


def load_macro(out):
    runs = {}
    for path in glob.glob(os.path.join(out, "macro_*_*.json")):
        m = re.match(r"macro_(\w+?)_(\d+)\.json", os.path.basename(path))
        with open(path) as f:
            runs[(m.group(1), int(m.group(2)))] = json.load(f)
    return runs


def load_peers(out):
    path = os.path.join(out, "peers.jsonl")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def graph_cluster_wall(run):
    return run["stages"]["knn"]["wall_s"] + run["stages"]["cluster"]["wall_s"]


def graph_cluster_cpu(run):
    return run["stages"]["knn"]["cpu_s"] + run["stages"]["cluster"]["cpu_s"]


def graph_cluster_rss(run):
    return max(run["stages"]["knn"]["peak_rss_mib"], run["stages"]["cluster"]["peak_rss_mib"])


def comparison(runs, peers, n):
    rows = []
    d = runs.get(("cosine", n))
    if not d:
        return rows
    base, base_cpu = graph_cluster_wall(d), graph_cluster_cpu(d)
    rows.append({"tool": "diverge kNN + ClusterClaims (cosine 0.90)", "n": n, "wall_s": base,
                 "cpu_s": base_cpu, "cpu_ratio": 1.0,
                 "peak_rss_mib": graph_cluster_rss(d), "f1": d["quality"]["clustering"]["f1"],
                 "ratio": 1.0, "how": "measured"})
    learned = runs.get(("learned", n))
    if learned:
        rows.append({"tool": "diverge analyze config (learned score 0.70)", "n": n,
                     "wall_s": graph_cluster_wall(learned), "peak_rss_mib": graph_cluster_rss(learned),
                     "cpu_s": graph_cluster_cpu(learned), "cpu_ratio": graph_cluster_cpu(learned) / base_cpu,
                     "f1": learned["quality"]["clustering"]["f1"],
                     "ratio": graph_cluster_wall(learned) / base, "how": "measured"})
    for name, label in (("sklearn", "sklearn AgglomerativeClustering average/cosine"),
                        ("community", "community detection (sentence-transformers algorithm, torch)"),
                        ("faiss", "FAISS HNSW k=10 + connected components")):
        mine = [p for p in peers if p["peer"] == name]
        at = [p for p in mine if p["n"] == n]
        if at:
            p = at[0]
            rows.append({"tool": label, "n": n, "wall_s": p["wall_s"], "peak_rss_mib": p["peak_rss_mib"],
                         "cpu_s": p["cpu_s"], "cpu_ratio": p["cpu_s"] / base_cpu,
                         "f1": p["f1"], "ratio": p["wall_s"] / base, "how": "measured"})
        elif mine:
            a = sum(p["wall_s"] * p["n"] ** 2 for p in mine) / sum(p["n"] ** 4 for p in mine)
            ac = sum(p["cpu_s"] * p["n"] ** 2 for p in mine) / sum(p["n"] ** 4 for p in mine)
            largest = max(mine, key=lambda p: p["n"])
            rows.append({"tool": label, "n": n, "wall_s": a * n * n,
                         "cpu_s": ac * n * n, "cpu_ratio": ac * n * n / base_cpu,
                         "peak_rss_mib": largest["peak_rss_mib"] * (n / largest["n"]) ** 2,
                         "f1": None, "ratio": a * n * n / base,
                         "how": "extrapolated a*n^2 from n=" + ",".join(str(p["n"]) for p in mine)})
    return rows


def goals(runs, cmp_rows, peer_n):
    """Issue 8's goals against the results: (goal, measured, met) rows."""
    rows = []
    big = runs.get(("cosine", 1000000))
    if big:
        st = big["stages"]
        wall = big["embed_graph_cluster_wall_s"]
        rss = max(st[s]["peak_rss_mib"] for s in ("embed", "knn", "cluster"))
        rows.append(("1M statements, embed + graph + cluster <= 120 s wall, <= 6 GiB peak RSS",
                     "%.1f s wall (embed %.1f, kNN %.1f, cluster %.1f; %.0f CPU-s); peak RSS %.2f GiB "
                     "(largest stage high-water mark); F1 %.3f"
                     % (wall, st["embed"]["wall_s"], st["knn"]["wall_s"], st["cluster"]["wall_s"],
                        sum(st[s]["cpu_s"] for s in ("embed", "knn", "cluster")), rss / 1024,
                        big["quality"]["clustering"]["f1"]),
                     "yes" if wall <= 120 and rss <= 6 * 1024 else "no"))
    base = next((r for r in cmp_rows if r["tool"].startswith("diverge kNN")), None)
    for name, want in (("sklearn", 10), ("community", 3)):
        r = next((r for r in cmp_rows if r["tool"].startswith(name)), None)
        if not (base and r):
            continue
        f1_ok = r["f1"] is None or base["f1"] >= r["f1"]
        peer_f1 = "not measured at this size" if r["f1"] is None else "%.3f" % r["f1"]
        rows.append(("%dk: >= %dx faster than %s, equal or better F1" % (peer_n // 1000, want, r["tool"]),
                     "%.1fx CPU (%.1fx wall), %s; F1 %.3f vs %s"
                     % (r["cpu_ratio"], r["ratio"], r["how"], base["f1"], peer_f1),
                     "yes" if min(r["cpu_ratio"], r["ratio"]) >= want and f1_ok else "no"))
    mid = runs.get(("cosine", 100000))
    if mid and mid["quality"].get("knn_recall_at_10") is not None:
        rec = mid["quality"]["knn_recall_at_10"]
        rows.append(("kNN recall@10 >= 0.95 at 100k", "%s %.3f (%d brute-force queries)"
                     % (mid["stages"]["knn"]["method"], rec, mid["quality"]["knn_recall_queries"]),
                     "yes" if rec >= 0.95 else "no"))
    return rows


def svg(runs, peers, path):
    w, h, pad = 1000, 430, 60
    series = {}
    for (score, n), r in runs.items():
        if score == "learned":
            for s in ("embed", "knn", "cluster", "divergence"):
                if s in r["stages"]:
                    series.setdefault("diverge " + s, []).append((n, r["stages"][s]["wall_s"], r["stages"][s]["peak_rss_mib"]))
            series.setdefault("diverge embed+graph+cluster (learned score)", []).append(
                (n, r["embed_graph_cluster_wall_s"], max(v["peak_rss_mib"] for v in r["stages"].values())))
        else:
            series.setdefault("diverge graph+cluster (cosine; exact kNN <= 50k, IVF above)", []).append(
                (n, graph_cluster_wall(r), graph_cluster_rss(r)))
    for p in peers:
        series.setdefault(p["peer"], []).append((p["n"], p["wall_s"], p["peak_rss_mib"]))
    colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#000000", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    pts = [pt for s in series.values() for pt in s]
    if not pts:
        return
    nx = [math.log10(p[0]) for p in pts]
    x0, x1 = math.floor(min(nx)), math.ceil(max(nx))
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif" font-size="11">' % (w, h + 190),
           '<rect width="100%" height="100%" fill="white"/>']
    panel_w = (w - 3 * pad) / 2
    for panel, (idx, title) in enumerate(((1, "wall time (s)"), (2, "peak RSS (MiB)"))):
        vals = [math.log10(max(p[idx], 1e-3)) for p in pts]
        y0, y1 = math.floor(min(vals)), math.ceil(max(vals))
        ox = pad + panel * (panel_w + pad)
        X = lambda n: ox + (math.log10(n) - x0) / max(x1 - x0, 1) * panel_w
        Y = lambda v: h - pad - (math.log10(max(v, 1e-3)) - y0) / max(y1 - y0, 1) * (h - 2 * pad)
        out.append('<text x="%.0f" y="%d" font-size="13">%s vs statements (log-log)</text>' % (ox, pad - 20, title))
        out.append('<rect x="%.0f" y="%d" width="%.0f" height="%d" fill="none" stroke="#888"/>' % (ox, pad, panel_w, h - 2 * pad))
        for e in range(x0, x1 + 1):
            out.append('<text x="%.0f" y="%d" text-anchor="middle">1e%d</text>' % (X(10 ** e), h - pad + 15, e))
        for e in range(y0, y1 + 1):
            out.append('<line x1="%.0f" x2="%.0f" y1="%.0f" y2="%.0f" stroke="#eee"/>' % (ox, ox + panel_w, Y(10 ** e), Y(10 ** e)))
            out.append('<text x="%.0f" y="%.0f" text-anchor="end">%g</text>' % (ox - 4, Y(10 ** e) + 4, 10 ** e))
        for i, (name, s) in enumerate(sorted(series.items())):
            s = sorted(s)
            c = colors[i % len(colors)]
            out.append('<polyline fill="none" stroke="%s" stroke-width="2" points="%s"/>' %
                       (c, " ".join("%.1f,%.1f" % (X(n), Y(t if idx == 1 else r)) for n, t, r in s)))
            for n, t, r in s:
                out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="%s"/>' % (X(n), Y(t if idx == 1 else r), c))
    for i, name in enumerate(sorted(series)):
        c = colors[i % len(colors)]
        y = h + 40 + 16 * (i % 8)
        x = pad + 420 * (i // 8)
        out.append('<rect x="%d" y="%d" width="14" height="4" fill="%s"/><text x="%d" y="%d">%s</text>' % (x, y - 4, c, x + 20, y, html.escape(name)))
    out.append('<text x="%d" y="%d" fill="#555">2 cores (shared with other jobs), 24 GiB, Debian 12; bench/results/*.json; scripts/bench-macro.sh</text>' % (pad, h + 180))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--peer-n", type=int, default=50000)
    a = ap.parse_args()
    runs, peers = load_macro(a.out), load_peers(a.out)
    cmp_rows = comparison(runs, peers, a.peer_n)
    scale = []
    for (score, n), r in sorted(runs.items(), key=lambda kv: (kv[0][0] != "learned", kv[0][1])):
        st = r["stages"]
        scale.append({"n": n, "score": score, **{s + "_wall_s": st[s]["wall_s"] for s in st},
                      "embed_graph_cluster_wall_s": r["embed_graph_cluster_wall_s"],
                      "embed_graph_cluster_cpu_s": sum(st[s]["cpu_s"] for s in ("embed", "knn", "cluster")),
                      "peak_rss_mib": max(v["peak_rss_mib"] for v in st.values()), "knn_method": st["knn"]["method"],
                      "f1": r["quality"]["clustering"]["f1"],
                      "knn_recall_at_10": r["quality"].get("knn_recall_at_10"),
                      "divergence_recall": r["quality"].get("divergence", {}).get("recall"),
                      "divergence_recall_if_clustered": r["quality"].get("divergence", {}).get("recall_if_clustered")})
    summary = {"scaling": scale, "peers_at_n": cmp_rows}
    with open(os.path.join(a.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=2)
    svg(runs, peers, os.path.join(a.out, "scaling.svg"))
    f = lambda v, p=2: "-" if v is None else ("%.*f" % (p, v))
    print("| goal (issue 8) | measured | met? |")
    print("|---|---|---|")
    for goal, measured, met in goals(runs, cmp_rows, a.peer_n):
        print("| %s | %s | %s |" % (goal, measured, met))
    print()
    print("| statements | pair score | kNN | embed s | kNN s | cluster s | embed+graph+cluster s (CPU s) | peak RSS MiB | F1 | kNN recall@10 | divergence s | divergence recall (if clustered) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s in scale:
        print("| %d | %s | %s | %s | %s | %s | %s (%s) | %.0f | %s | %s | %s | %s (%s) |" % (
            s["n"], s["score"], s["knn_method"], f(s["embed_wall_s"]), f(s["knn_wall_s"]), f(s["cluster_wall_s"]),
            f(s["embed_graph_cluster_wall_s"]), f(s["embed_graph_cluster_cpu_s"]), s["peak_rss_mib"], f(s["f1"], 3),
            f(s["knn_recall_at_10"], 3), f(s.get("divergence_wall_s")), f(s["divergence_recall"], 3),
            f(s["divergence_recall_if_clustered"], 3)))
    print()
    print("| tool at %d statements | wall s (x diverge) | CPU s (x diverge) | peak RSS MiB | F1 | how |" % a.peer_n)
    print("|---|---|---|---|---|---|")
    for r in cmp_rows:
        print("| %s | %s (%s) | %s (%s) | %.0f | %s | %s |" % (
            r["tool"], f(r["wall_s"]), f(r["ratio"], 1), f(r["cpu_s"]), f(r["cpu_ratio"], 1),
            r["peak_rss_mib"], f(r["f1"], 3), r["how"]))
    # Same-corpus F1 at every size a peer was measured.
    print()
    sizes = sorted({p["n"] for p in peers})
    print("| statements | " + " | ".join("%s F1 / CPU s" % t for t in ("diverge cosine", "sklearn", "community", "faiss")) + " |")
    print("|---|---|---|---|---|")
    for n in sizes:
        d = runs.get(("cosine", n))
        cells = ["%s / %s" % (f(d["quality"]["clustering"]["f1"], 3), f(graph_cluster_cpu(d))) if d else "-"]
        for name in ("sklearn", "community", "faiss"):
            p = [q for q in peers if q["peer"] == name and q["n"] == n]
            cells.append("%s / %s" % (f(p[0]["f1"], 3), f(p[0]["cpu_s"])) if p else "-")
        print("| %d | %s |" % (n, " | ".join(cells)))


if __name__ == "__main__":
    main()
