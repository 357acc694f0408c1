#!/usr/bin/python3
"""Peer clusterers on the vectors diverge's macro benchmark exported (macro_bench --vectors).

  /usr/bin/python3 bench/peers/peers.py VECTORS.npy --peer sklearn --threshold 0.8
  /usr/bin/python3 bench/peers/peers.py VECTORS.npy --tune      # best cosine threshold per peer

Reads VECTORS.npy (unit rows, float32) and VECTORS.ids.txt (the planted group of each row).
Peers (Debian python3-sklearn, python3-torch, python3-faiss, python3-scipy):
  sklearn    AgglomerativeClustering(linkage="average", metric="cosine",
             distance_threshold=1 - threshold, n_clusters=None)
  community  sentence-transformers' util.community_detection, reimplemented with torch from
             its published code: per row the top-k cosine scores (batches of 1024 rows); a row
             whose min_community_size-th best score is >= threshold seeds a community of all
             rows scoring >= threshold (top-k doubled until the last score is below it);
             communities sorted by size, overlaps removed greedily, min_community_size = 1.
  faiss      IndexHNSWFlat (inner product, M 32, efConstruction 200, efSearch 64), k = 10
             neighbours per row, edges with cosine >= threshold, scipy connected components.
Prints one JSON object: wall_s, cpu_s, peak_rss_mib (this process) and pairwise F1 vs groups.
Each peer runs in its own process (run_peers.sh) so peak RSS is its own.
"""
import argparse
import json
import os
import resource
import sys
import time

import numpy as np


def load(path):
    x = np.load(path)
    ids = path[:-4] + ".ids.txt" if path.endswith(".npy") else path + ".ids.txt"
    with open(ids) as f:
        groups = np.array([int(line) for line in f if line.strip()], dtype=np.int64)
    assert len(groups) == len(x), "ids and vectors disagree"
    return np.ascontiguousarray(x, dtype=np.float32), groups


def pair_counts(labels):
    _, counts = np.unique(labels, return_counts=True)
    counts = counts.astype(np.int64)
    return int((counts * (counts - 1) // 2).sum())


def pairwise_f1(labels, groups):
    """labels: predicted cluster per row (distinct values = distinct clusters)."""
    true_pairs = pair_counts(groups)
    pred_pairs = pair_counts(labels)
    joint = labels.astype(np.int64) * (int(groups.max()) + 1) + groups
    both = pair_counts(joint)
    p = both / pred_pairs if pred_pairs else 0.0
    r = both / true_pairs if true_pairs else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def run_sklearn(x, threshold):
    from sklearn.cluster import AgglomerativeClustering
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average",
                                    distance_threshold=1.0 - threshold)
    # sklearn rejects zero vectors (statements without a known word) under the cosine
    # metric; like diverge (similarity 0 to everything) they stay singletons.
    nonzero = np.linalg.norm(x, axis=1) > 0
    labels = np.arange(len(x), dtype=np.int64) + len(x)
    labels[nonzero] = model.fit_predict(x[nonzero])
    return labels


def community_detection(emb, threshold, min_community_size=1, batch_size=1024):
    import torch
    n = emb.shape[0]
    min_community_size = min(min_community_size, n)
    sort_max_size = min(max(2 * min_community_size, 50), n)
    extracted = []
    for start in range(0, n, batch_size):
        cos = emb[start:start + batch_size] @ emb.T
        top_k_values, _ = cos.topk(k=min_community_size, largest=True)
        for i in range(len(top_k_values)):
            if top_k_values[i][-1] >= threshold:
                vals, idx = cos[i].topk(k=sort_max_size, largest=True)
                while vals[-1] > threshold and sort_max_size < n:
                    sort_max_size = min(2 * sort_max_size, n)
                    vals, idx = cos[i].topk(k=sort_max_size, largest=True)
                keep = vals >= threshold
                extracted.append(idx[keep].tolist())
        del cos
    extracted.sort(key=len, reverse=True)
    taken = set()
    communities = []
    for community in extracted:
        fresh = [i for i in community if i not in taken]
        if len(fresh) >= min_community_size:
            communities.append(fresh)
            taken.update(fresh)
    communities.sort(key=len, reverse=True)
    return communities


def run_community(x, threshold):
    import torch
    torch.set_num_threads(int(os.environ.get("PEER_THREADS", "2")))
    emb = torch.from_numpy(x)
    emb = torch.nn.functional.normalize(emb, p=2, dim=1)
    communities = community_detection(emb, threshold)
    labels = np.arange(len(x), dtype=np.int64)  # rows in no community: singletons
    for c, rows in enumerate(communities):
        labels[rows] = len(x) + c
    return labels


def run_faiss(x, threshold, k=10):
    import faiss
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components
    faiss.omp_set_num_threads(int(os.environ.get("PEER_THREADS", "2")))
    index = faiss.IndexHNSWFlat(x.shape[1], 32, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = 200
    index.add(x)
    index.hnsw.efSearch = 64
    sims, nbrs = index.search(x, k + 1)
    rows = np.repeat(np.arange(len(x)), k + 1)
    keep = (nbrs.ravel() >= 0) & (sims.ravel() >= threshold) & (nbrs.ravel() != rows)
    g = coo_matrix((np.ones(keep.sum()), (rows[keep], nbrs.ravel()[keep])), shape=(len(x), len(x)))
    _, labels = connected_components(g, directed=False)
    return labels


PEERS = {"sklearn": run_sklearn, "community": run_community, "faiss": run_faiss}


def measure(name, x, groups, threshold):
    t0, c0 = time.perf_counter(), time.process_time()
    labels = PEERS[name](x, threshold)
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    out = {"peer": name, "n": len(x), "threshold": threshold, "wall_s": wall, "cpu_s": cpu,
           "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0}
    out.update(pairwise_f1(np.asarray(labels), groups))
    return out


def tune(x, groups):
    """Best cosine threshold per peer on these rows (peers get the threshold they like best).
    sklearn's average linkage is tuned with scipy's (the same algorithm sklearn calls)."""
    from scipy.cluster.hierarchy import fcluster, linkage
    grid = [0.60, 0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95]
    best = {}
    z = linkage(x, method="average", metric="cosine")
    scores = {t: pairwise_f1(fcluster(z, 1.0 - t, criterion="distance"), groups)["f1"] for t in grid}
    best["sklearn"] = {"threshold": max(scores, key=scores.get), "f1_by_threshold": scores}
    for name in ("community", "faiss"):
        scores = {t: pairwise_f1(np.asarray(PEERS[name](x, t)), groups)["f1"] for t in grid}
        best[name] = {"threshold": max(scores, key=scores.get), "f1_by_threshold": scores}
    return best


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("vectors")
    ap.add_argument("--peer", choices=sorted(PEERS))
    ap.add_argument("--threshold", type=float, default=0.8)
    ap.add_argument("--rows", type=int, default=0, help="use only the first ROWS rows")
    ap.add_argument("--tune", action="store_true")
    a = ap.parse_args()
    x, groups = load(a.vectors)
    if a.rows:
        x, groups = x[:a.rows], groups[:a.rows]
    if a.tune:
        print(json.dumps(tune(x, groups), indent=2))
    elif a.peer:
        print(json.dumps(measure(a.peer, x, groups, a.threshold)))
    else:
        ap.error("give --peer or --tune")


if __name__ == "__main__":
    sys.exit(main())
