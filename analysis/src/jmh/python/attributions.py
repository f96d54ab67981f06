#!/usr/bin/python3
"""Milliseconds per attribution map in torch + ncps, one thread: the torch side of AttributionBenchmark.

The camera NCP sample (conv head + ncps LTC, the sample's weights) at step 300 of its clean trace, output 0, the
way a Captum user would do it: the state before the step kept from one pass over the trace, then one map is
  ig          integrated gradients from zeros, the 32 midpoints as one batch
  smoothgrad  16 noisy copies (sigma 0.1 of the frame's range) as one batch, mean |gradient|
  gradient    |d y / d x| of the recorded frame
  gradxinput  |x * d y / d x|
each a forward and a backward pass through the head and one step of the cell, float32 as torch runs it, and
  occlusion   |y(x) - y(x with a grey 8-pixel patch)| for a patch every 4 pixels (161 frames as one batch, no
              gradient), averaged over the patches covering each pixel

Usage: PYTHONPATH=/path/to/ncps /usr/bin/python3 analysis/src/jmh/python/attributions.py [--seconds 2] [--rounds 5]
(run from the repository's root; needs torch, e.g. Debian's python3-torch, numpy and ncps's source on the path).
"""
import argparse
import json
import time

import numpy as np
import torch
from ncps.torch import LTCCell
from ncps.wirings import AutoNCP

from head_forward import build_head, read_safetensors  # the same head and weights as the forward script

FOLDER = "sample-models/ncp-lanekeeping"
TRACE = "sample-traces/ncp-lanekeeping/clean/episode-0000.npz"
STEP = 300


def load():
    with open(f"{FOLDER}/model.json") as f:
        model = json.load(f)
    tensors = read_safetensors(f"{FOLDER}/{model['weights']}")
    head = build_head(model["head"], tensors)
    ncps = model["ncps"]
    # the sparsity masks come with the weights, so any wiring of the right sizes gives the sample's cell
    cell = LTCCell(AutoNCP(ncps["units"]["inter_neurons"] + ncps["units"]["command_neurons"] + 1, 1),
                   in_features=ncps["input_size"], ode_unfolds=ncps["ode_unfolds"], epsilon=ncps["epsilon"],
                   implicit_param_constraints=ncps["implicit_param_constraints"])
    cell.load_state_dict({k[len("rnn_cell."):]: v for k, v in tensors.items() if k.startswith("rnn_cell.")})
    for p in list(head.parameters()) + list(cell.parameters()):
        p.requires_grad_(False)
    frames = np.load(TRACE)["inputs"].astype(np.float32) / 255.0  # (L, H, W, C) levels k / 255
    frames = torch.from_numpy(frames).permute(0, 3, 1, 2).contiguous()
    with torch.no_grad():
        h = torch.zeros(1, cell.state_size)
        for t in range(STEP):
            _, h = cell(head(frames[t:t + 1]), h)
    return head, cell, h, frames[STEP:STEP + 1]


def gradients(head, cell, h, points):
    points = points.clone().requires_grad_(True)
    y, _ = cell(head(points), h.expand(points.shape[0], -1))
    y[:, 0].sum().backward()
    return points.grad


def make_maps(head, cell, h, x):
    def ig():
        alphas = (torch.arange(32, dtype=torch.float32) + 0.5) / 32
        g = gradients(head, cell, h, alphas.view(-1, 1, 1, 1) * x)
        return (x * g.mean(0, keepdim=True)).abs().sum(1)

    def smoothgrad():
        generator = torch.Generator().manual_seed(0)
        sd = 0.1 * (x.max() - x.min())
        noisy = x + sd * torch.randn((16,) + tuple(x.shape[1:]), generator=generator)
        return gradients(head, cell, h, noisy).abs().mean(0).sum(0)

    def gradient():
        return gradients(head, cell, h, x).abs().sum(1)

    def gradxinput():
        return (x * gradients(head, cell, h, x)).abs().sum(1)

    corners = [(top, left) for top in range(0, x.shape[2] - 8 + 1, 4) for left in range(0, x.shape[3] - 8 + 1, 4)]
    covered = torch.zeros(x.shape[2], x.shape[3])
    for top, left in corners:
        covered[top:top + 8, left:left + 8] += 1

    def occlusion():
        frames = x.repeat(len(corners) + 1, 1, 1, 1)
        for k, (top, left) in enumerate(corners, start=1):
            frames[k, :, top:top + 8, left:left + 8] = 0.5
        with torch.no_grad():
            y, _ = cell(head(frames), h.expand(frames.shape[0], -1))
        change = (y[1:, 0] - y[0, 0]).abs()
        total = torch.zeros(x.shape[2], x.shape[3])
        for k, (top, left) in enumerate(corners):
            total[top:top + 8, left:left + 8] += change[k]
        return total / covered

    return {"ig": ig, "smoothgrad": smoothgrad, "gradient": gradient, "gradxinput": gradxinput,
            "occlusion": occlusion}


def ms_per_map(make, seconds):
    """Wall-clock and CPU milliseconds per map over one round (one thread, so the process's CPU time is its)."""
    done = 0
    start = time.perf_counter()
    cpu = time.process_time()
    while True:
        make()
        done += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return 1000 * elapsed / done, 1000 * (time.process_time() - cpu) / done


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="length of one timed round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    head, cell, h, x = load()
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, {FOLDER}, step {STEP}, output 0")
    for name, make in make_maps(head, cell, h, x).items():
        ms_per_map(make, args.seconds)  # warm-up
        rounds = [ms_per_map(make, args.seconds) for _ in range(args.rounds)]
        wall = sorted(r[0] for r in rounds)
        cpu = sorted(r[1] for r in rounds)
        total = float(make().sum())
        print(f"{name:11s} ms/map: median {wall[len(wall) // 2]:.2f}, best {wall[0]:.2f}; CPU ms/map: median "
              f"{cpu[len(cpu) // 2]:.2f}, best {cpu[0]:.2f}  (map total {total:.6g})")


if __name__ == "__main__":
    main()
