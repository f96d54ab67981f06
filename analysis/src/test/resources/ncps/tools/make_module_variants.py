"""More whole-module ncps checkpoints than fixtures/modules holds, one per setting a module pickle records that those
four leave at a default: LTC with int units, return_sequences=False and batch_first=False, linear and no mappings,
Random, FullyConnected and default-seed NCP wirings; CfC dense defaults, pure, no_gate with gelu, dropout and mixed
memory, relu with three backbone layers, tanh without sequences; wired CfC on an NCP (mixed; with proj_size), on a
FullyConnected and on an AutoNCP with no_gate; an LTC inside torch.nn.DataParallel (saved as multi-GPU training
leaves it). For each case: CASE/model.pt (torch.save(model)), CASE/input.npy
(B, L, S) batch-first whatever the model, CASE/expected.npz (outputs as ncps returns them, batch-first; hx, h for
mixed memory).
Usage: PYTHONPATH=<folder holding the ncps package> python3 make_module_variants.py OUT"""
import os, sys, numpy as np, torch
from ncps.torch import LTC, CfC
from ncps.wirings import AutoNCP, FullyConnected, NCP, Random
out = sys.argv[1]
cases = {
 "ltc_dense": (lambda: LTC(3, 5), 3, True),
 "ltc_dense_seqfalse_tf": (lambda: LTC(3, 5, return_sequences=False, batch_first=False), 3, False),
 "ltc_linear_nomap": (lambda: LTC(4, AutoNCP(9, 2, seed=7), input_mapping="linear", output_mapping=None, ode_unfolds=3, epsilon=1e-6, implicit_param_constraints=False), 4, True),
 "ltc_random": (lambda: LTC(3, Random(6, 2, sparsity_level=0.4, random_seed=5)), 3, True),
 "ltc_fc_out": (lambda: LTC(3, FullyConnected(6, 2, erev_init_seed=3, self_connections=False)), 3, True),
 "ltc_ncp_default_seed": (lambda: LTC(3, NCP(4, 3, 2, 2, 2, 2, 2)), 3, True),
 "cfc_dense_default": (lambda: CfC(3, 6), 3, True),
 "cfc_pure": (lambda: CfC(3, 6, mode="pure", backbone_layers=0), 3, True),
 "cfc_nogate_gelu_mixed": (lambda: CfC(3, 6, mode="no_gate", activation="gelu", backbone_units=8, mixed_memory=True, backbone_dropout=0.1), 3, True),
 "cfc_relu_tanh": (lambda: CfC(3, 6, activation="relu", backbone_units=5, backbone_layers=3), 3, True),
 "cfc_tanh_seqfalse": (lambda: CfC(3, 6, activation="tanh", return_sequences=False, batch_first=False), 3, False),
 "cfc_wired_ncp": (lambda: CfC(4, NCP(4, 3, 2, 2, 2, 2, 2, seed=11), mixed_memory=True), 4, True),
 "cfc_wired_ncp_proj": (lambda: CfC(4, NCP(4, 3, 2, 2, 2, 2, 2, seed=12), proj_size=3), 4, True),
 "cfc_wired_fc": (lambda: CfC(4, FullyConnected(5, 5)), 4, True),
 "cfc_wired_nogate": (lambda: CfC(4, AutoNCP(10, 2, seed=9), mode="no_gate"), 4, True),
 "ltc_in_dataparallel": (lambda: torch.nn.DataParallel(LTC(3, AutoNCP(8, 2, seed=4))), 3, True),
}
for name, (make, S, bf) in cases.items():
    torch.manual_seed(1); model = make(); model.eval()
    with torch.no_grad():
        for p in model.parameters(): p.add_(0.05 * torch.randn_like(p))
    d = os.path.join(out, name); os.makedirs(d, exist_ok=True)
    torch.save(model, os.path.join(d, "model.pt"))
    x = np.random.default_rng(3).standard_normal((2, 7, S)).astype(np.float32)
    xin = torch.tensor(x if bf else x.transpose(1, 0, 2).copy())
    with torch.no_grad(): y, hx = model(xin)
    y = y.numpy()
    if not bf and y.ndim == 3: y = y.transpose(1, 0, 2)
    hx = hx[0] if isinstance(hx, tuple) else hx
    np.save(os.path.join(d, "input.npy"), x)
    np.savez(os.path.join(d, "expected.npz"), outputs=y, hx=hx.numpy())
    print(name, y.shape)
