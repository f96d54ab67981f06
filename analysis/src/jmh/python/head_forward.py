#!/usr/bin/python3
"""Frames per second of a model folder's perception head in torch, one thread, batch 1: the torch side of
HeadBenchmark.sampleForward (the same head, weights and frame size, timed the same way: one frame at a time).

Usage:  /usr/bin/python3 analysis/src/jmh/python/head_forward.py [MODEL_FOLDER] [--seconds S] [--rounds R]
        (default folder sample-models/ncp-lanekeeping; needs torch, e.g. Debian's python3-torch, and numpy)

The head is rebuilt from the folder's model.json ("head" object) as torch layers with the weights of the
safetensors file the folder names, read here without the safetensors package. It prints one line per timed
round and then the median and best frames/s, plus the first features of a fixed frame so a reader can check
that both sides compute the same head.
"""
import argparse
import json
import os
import struct
import time

import numpy as np
import torch
from torch import nn

SAFETENSORS_DTYPES = {"F32": np.float32, "F64": np.float64, "F16": np.float16}


def read_safetensors(path):
    """name -> float32 tensor: an 8-byte little-endian header length, a JSON header, then raw data."""
    with open(path, "rb") as f:
        blob = f.read()
    (header_len,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + header_len])
    data = blob[8 + header_len:]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        array = np.frombuffer(data[begin:end], dtype=SAFETENSORS_DTYPES[entry["dtype"]]).reshape(entry["shape"])
        tensors[name] = torch.from_numpy(array.astype(np.float32))
    return tensors


def pair(value):
    return tuple(value) if isinstance(value, list) else (value, value)


class ChannelLinear(nn.Module):
    """LiquidLens's channel_linear: channel c of a (C, H, W) map, flattened, through its own (out x in) matrix."""

    def __init__(self, weight, bias):
        super().__init__()
        self.weight = nn.Parameter(weight)
        self.bias = None if bias is None else nn.Parameter(bias)

    def forward(self, x):
        channels = self.weight.shape[0]
        y = torch.einsum("coi,bci->bco", self.weight, x.reshape(x.shape[0], channels, -1))
        if self.bias is not None:
            y = y + self.bias
        return y.reshape(x.shape[0], -1)


def build_head(head_json, tensors):
    layers = []
    for layer in head_json["layers"]:
        kind = layer["type"]
        if kind == "conv2d":
            conv = nn.Conv2d(layer["in"], layer["out"], pair(layer["kernel"]), stride=pair(layer.get("stride", 1)),
                             padding=pair(layer.get("padding", 0)), bias=layer.get("bias") is not None)
            conv.weight.data.copy_(tensors[layer["weight"]])
            if conv.bias is not None:
                conv.bias.data.copy_(tensors[layer["bias"]])
            layers.append(conv)
        elif kind == "relu":
            layers.append(nn.ReLU())
        elif kind == "flatten":
            layers.append(nn.Flatten())
        elif kind == "linear":
            linear = nn.Linear(layer["in"], layer["out"], bias=layer.get("bias") is not None)
            linear.weight.data.copy_(tensors[layer["weight"]])
            if linear.bias is not None:
                linear.bias.data.copy_(tensors[layer["bias"]])
            layers.append(nn.Sequential(nn.Flatten(), linear))
        elif kind == "channel_linear":
            bias = tensors[layer["bias"]] if layer.get("bias") is not None else None
            layers.append(ChannelLinear(tensors[layer["weight"]], bias))
        else:
            raise SystemExit(f"unknown head layer type {kind!r}")
    return nn.Sequential(*layers).eval()


def frames_per_second(head, frame, seconds):
    done = 0
    start = time.perf_counter()
    while True:
        for _ in range(50):
            head(frame)
        done += 50
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return done / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="sample-models/ncp-lanekeeping")
    parser.add_argument("--seconds", type=float, default=1.0, help="length of one timed round")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    torch.set_num_threads(1)
    with open(os.path.join(args.folder, "model.json")) as f:
        model = json.load(f)
    head = build_head(model["head"], read_safetensors(os.path.join(args.folder, model["weights"])))
    height, width, channels = model["head"]["input_shape"]
    # a fixed frame in [0, 1): a smooth ramp, so the printed features can be reproduced anywhere
    ramp = np.arange(height * width * channels, dtype=np.float64).reshape(height, width, channels)
    frame = torch.from_numpy(((ramp * 0.618034) % 1.0).astype(np.float32)).permute(2, 0, 1).unsqueeze(0)

    with torch.inference_mode():
        features = head(frame)
        frames_per_second(head, frame, args.seconds)  # warm-up
        rates = []
        for r in range(args.rounds):
            rates.append(frames_per_second(head, frame, args.seconds))
            print(f"round {r + 1}: {rates[-1]:.0f} frames/s")
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}, head of {args.folder}, "
          f"{height} x {width} x {channels} frames, batch 1")
    print(f"frames/s: median {sorted(rates)[len(rates) // 2]:.0f}, best {max(rates):.0f}")
    print("first features of the ramp frame:", " ".join(f"{v:.8g}" for v in features[0, :6].tolist()))


if __name__ == "__main__":
    main()
