"""Reference values for the perception head tests (run once; the .npz is committed).

Convolution by explicit windows over a zero-padded copy of the input, in float64 numpy, written
independently of the Java code (which convolves one kernel tap at a time). Tensor names and layouts
are torch's: conv weight (out, in, kh, kw), linear weight (out, in), frames (H, W, C) as rollouts hold
them, feature maps (C, H, W), flatten in (C, H, W) order.

    python3 make_conv_reference.py   # writes conv_reference.npz beside this script
"""
import os

import numpy as np


def conv2d(x, w, b, stride, pad):
    c, h, wd = x.shape
    o, c2, kh, kw = w.shape
    assert c == c2
    xp = np.zeros((c, h + 2 * pad[0], wd + 2 * pad[1]))
    xp[:, pad[0]:pad[0] + h, pad[1]:pad[1] + wd] = x
    oh = (h + 2 * pad[0] - kh) // stride[0] + 1
    ow = (wd + 2 * pad[1] - kw) // stride[1] + 1
    y = np.zeros((o, oh, ow))
    for k in range(o):
        for i in range(oh):
            for j in range(ow):
                window = xp[:, i * stride[0]:i * stride[0] + kh, j * stride[1]:j * stride[1] + kw]
                y[k, i, j] = b[k] + np.sum(w[k] * window)
    return y


def main():
    rng = np.random.default_rng(20240607)
    frame = rng.uniform(0.0, 1.0, size=(7, 9, 2))          # (H, W, C)
    t = {
        "head.0.weight": rng.normal(0, 0.5, size=(3, 2, 3, 2)),
        "head.0.bias": rng.normal(0, 0.1, size=(3,)),
        "head.2.weight": rng.normal(0, 0.5, size=(2, 3, 2, 3)),
        "head.2.bias": rng.normal(0, 0.1, size=(2,)),
        "head.4.weight": rng.normal(0, 0.5, size=(2, 3, 20)),  # channel_linear (channels, out, in)
        "head.4.bias": rng.normal(0, 0.1, size=(2, 3)),
        "flat.5.weight": rng.normal(0, 0.5, size=(4, 40)),     # linear after flatten
        "flat.5.bias": rng.normal(0, 0.1, size=(4,)),
    }
    x = frame.transpose(2, 0, 1)                                # (C, H, W)
    conv0 = conv2d(x, t["head.0.weight"], t["head.0.bias"], (2, 1), (1, 0))   # (3, 4, 8)
    conv2 = conv2d(np.maximum(conv0, 0), t["head.2.weight"], t["head.2.bias"], (1, 2), (1, 1))  # (2, 5, 4)
    maps = np.maximum(conv2, 0)
    per_channel = np.stack([t["head.4.weight"][c] @ maps[c].reshape(-1) + t["head.4.bias"][c]
                            for c in range(2)])             # (2, 3)
    flat = t["flat.5.weight"] @ maps.reshape(-1) + t["flat.5.bias"]
    out = dict(t)
    out.update(frame=frame, conv0=conv0, conv2=conv2,
               out_channel_linear=per_channel.reshape(-1), out_flatten_linear=flat)
    np.savez(os.path.join(os.path.dirname(os.path.abspath(__file__)), "conv_reference.npz"), **out)


if __name__ == "__main__":
    main()
