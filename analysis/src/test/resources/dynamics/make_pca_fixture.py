"""Builds the reference numbers the dynamics tests compare against, from scikit-learn, numpy and scipy.

Run from the repository root with Debian's python (scikit-learn 1.2.1, numpy 1.24, scipy 1.10):

    /usr/bin/python3 analysis/src/test/resources/dynamics/make_pca_fixture.py

It writes two files next to itself:

pca_fixture.npz: for each test matrix NAME, the matrix (NAME_x, float64, steps x neurons) and what
sklearn.decomposition.PCA() with every component makes of it: NAME_variance (explained_variance_),
NAME_ratio (explained_variance_ratio_), NAME_components (components_), NAME_mean (mean_) and
NAME_projection (transform(x)[:, :2]).

series_fixture.npz: for the recorded states of the vector sample's first clean episode (states_x above), each neuron's
Pearson and Spearman correlation with the first world column (numpy's corrcoef, scipy's spearmanr, ties
averaged), the 10th, 50th and 90th percentiles of every neuron (numpy's default, linear interpolation) and
L_max = max_t |x(t+1) - x(t)| / dt(t+1) with seeded uneven timespans.
"""
import os

import numpy as np
from scipy.stats import spearmanr
from sklearn.decomposition import PCA

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join("sample-traces", "vector-lanekeeping", "clean", "episode-0000.npz")


def matrices():
    rng = np.random.default_rng(20)
    # 19 neurons driven by 3 shared random walks plus their own noise: strongly correlated, like a network's states
    walks = np.cumsum(rng.normal(size=(500, 3)), axis=0)
    mixing = rng.normal(size=(3, 19))
    walk = np.tanh(0.1 * walks @ mixing) + 0.05 * rng.normal(size=(500, 19))

    # rank 2 after centring, with one constant column: the smallest components carry no variance at all
    basis = rng.normal(size=(300, 2))
    rank = basis @ rng.normal(size=(2, 12)) + 3.0
    rank[:, 5] = 0.25

    # fewer steps than neurons: only min(steps, neurons) components exist
    wide = rng.normal(size=(8, 15)) + np.linspace(0, 1, 15)

    states = np.load(os.path.join(os.getcwd(), SAMPLE))["states"].astype(np.float64)
    return {"walk": walk, "rank": rank, "wide": wide, "states": states}


def pca_fixture(ms):
    out = {}
    for name, x in ms.items():
        pca = PCA().fit(x)
        out[name + "_x"] = x
        out[name + "_variance"] = pca.explained_variance_
        out[name + "_ratio"] = pca.explained_variance_ratio_
        out[name + "_components"] = pca.components_
        out[name + "_mean"] = pca.mean_
        out[name + "_projection"] = pca.transform(x)[:, :2]
    out = {k: np.ascontiguousarray(v) for k, v in out.items()}  # our reader takes C order only
    np.savez_compressed(os.path.join(HERE, "pca_fixture.npz"), **out)


def series_fixture(states):
    world = np.load(os.path.join(os.getcwd(), SAMPLE))["world"].astype(np.float64)
    target = world[:, 0]
    # rounded to 2 decimals so the ranks have many ties
    rounded = np.round(states, 2)
    n = states.shape[1]
    pearson = np.array([np.corrcoef(states[:, i], target)[0, 1] for i in range(n)])
    spearman = np.array([spearmanr(rounded[:, i], target).correlation for i in range(n)])
    percentiles = np.percentile(states, [10, 50, 90], axis=0)
    rng = np.random.default_rng(4)
    dt = rng.uniform(0.5, 2.0, size=states.shape[0]).astype(np.float32)
    lmax = np.max(np.abs(np.diff(states, axis=0)) / dt[1:, None].astype(np.float64), axis=0)
    percentiles = np.ascontiguousarray(percentiles)
    np.savez_compressed(os.path.join(HERE, "series_fixture.npz"), target=target, rounded=rounded,
                        pearson=pearson, spearman=spearman, percentiles=percentiles, timespans=dt, lmax=lmax)


if __name__ == "__main__":
    ms = matrices()
    pca_fixture(ms)
    series_fixture(ms["states"])
