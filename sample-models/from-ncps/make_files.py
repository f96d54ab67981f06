#!/usr/bin/env python3
"""What a PyTorch user of ncps has before LiquidLens: a checkpoint saved with torch.save(model.state_dict()) and a
run logged as CSV. Made from the vector lane-keeping sample so that the walkthrough in the README ends in a model
that steers: ncps builds the sample's LTC from its constructor call, loads the sample's weights, saves its state
dict, and runs it over a held-out episode, whose inputs (renamed as a user might name them) and actions go to the
CSV. ncps's outputs on that run are kept so a test can check the imported model against ncps itself.

Usage, from the repository's root (torch 1.13+, ncps 1.0.1 importable):
    PYTHONPATH=<folder holding the ncps package> python3 sample-models/from-ncps/make_files.py
Writes sample-models/from-ncps/lanekeeping-ltc.pt, sample-models/from-ncps/ncps-outputs.npy and
sample-traces/from-csv/lanekeeping-run.csv."""
import json
import struct

import numpy as np
import torch
from ncps.torch import LTC
from ncps.wirings import NCP

SAMPLE = "sample-models/vector-lanekeeping"
EPISODE = "sample-traces/vector-lanekeeping/clean/episode-0000.npz"
STEPS = 600
INPUTS = ["d", "mu", "kappa", "noise1", "noise2", "spurious"]


def read_safetensors(path):
    """The tensors of a .safetensors file (8-byte header length, JSON header, raw little-endian data)."""
    raw = open(path, "rb").read()
    (n,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + n])
    data = raw[8 + n:]
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        assert info["dtype"] == "F32", (name, info["dtype"])
        begin, end = info["data_offsets"]
        out[name] = torch.from_numpy(np.frombuffer(data[begin:end], dtype="<f4").reshape(info["shape"]).copy())
    return out


def main():
    manifest = json.load(open(SAMPLE + "/model.json"))
    units = dict(manifest["ncps"]["units"])
    assert units.pop("class") == "NCP"
    torch.manual_seed(0)
    model = LTC(manifest["ncps"]["input_size"], NCP(**units), batch_first=True)
    model.load_state_dict(read_safetensors(SAMPLE + "/" + manifest["weights"]))
    torch.save(model.state_dict(), "sample-models/from-ncps/lanekeeping-ltc.pt")

    episode = np.load(EPISODE)
    inputs = episode["inputs"][:STEPS].astype(np.float32)
    actions = episode["actions"][:STEPS, 0]
    world = {n: episode["world"][:STEPS, i] for i, n in enumerate(episode["world_names"])}
    with torch.no_grad():
        outputs, _ = model(torch.from_numpy(inputs)[None])
    np.save("sample-models/from-ncps/ncps-outputs.npy", outputs[0].numpy().astype(np.float32))

    columns = INPUTS + ["steer", "d_lane", "x", "y"]
    with open("sample-traces/from-csv/lanekeeping-run.csv", "w") as f:
        f.write(",".join(columns) + "\n")
        for t in range(STEPS):
            row = [inputs[t, i] for i in range(len(INPUTS))]
            row += [actions[t], world["d_lane"][t], world["x"][t], world["y"][t]]
            f.write(",".join(str(np.float32(v)) for v in row) + "\n")


if __name__ == "__main__":
    main()
