"""Makes rollout_small.npz, the numpy-written rollout RolloutsTest reads (run once; the .npz is committed).

Every value follows a simple formula so the test can state what each field must hold:
  inputs[t, s]    = t + s / 10          float32 (5, 3)
  timespans[t]    = (t + 1) / 4          float32 (5,)
  actions[t, 0]   = -t                   float32 (5, 1)
  states[t, n]    = t * 4 + n            float32 (5, 4)
  world[t, k]     = 10 * k - t           float32 (5, 3), named d, mu, kappa
  position[t, :]  = (t, 2 * t)           float32 (5, 2)
  note_extra      = [7, -3]              int32 (2,), an array the format does not know
"""
import numpy as np

t = np.arange(5, dtype=np.float32)[:, None]
np.savez_compressed(
    "rollout_small.npz",
    inputs=(t + np.arange(3, dtype=np.float32) / 10).astype(np.float32),
    timespans=((np.arange(5) + 1) / 4).astype(np.float32),
    actions=(-t).astype(np.float32),
    states=(t * 4 + np.arange(4, dtype=np.float32)).astype(np.float32),
    world=(10 * np.arange(3, dtype=np.float32) - t).astype(np.float32),
    world_names=np.array(["d", "mu", "kappa"]),
    position=np.concatenate([t, 2 * t], axis=1).astype(np.float32),
    note_extra=np.array([7, -3], dtype=np.int32),
)
