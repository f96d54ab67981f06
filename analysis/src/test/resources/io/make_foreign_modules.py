#!/usr/bin/env python3
"""Whole pickled modules that are no ncps LTC or CfC, for the import's bad-input tests:
torch_lstm_module.pt (torch.save of a torch.nn.LSTM), resnet_stand_in_module.pt (a module whose class is named
torchvision.models.resnet.ResNet; a stand-in class so no torchvision is needed) and ltc_cell_module.pt (an ncps
LTCCell saved alone, not inside an LTC).
Usage: PYTHONPATH=<folder holding the ncps package> python3 make_foreign_modules.py OUT"""
import os, sys, types, torch
from ncps.torch import LTCCell
from ncps.wirings import FullyConnected
out = sys.argv[1]
torch.manual_seed(0)
torch.save(torch.nn.LSTM(3, 4), os.path.join(out, "torch_lstm_module.pt"))
for name in ("torchvision", "torchvision.models", "torchvision.models.resnet"):
    sys.modules[name] = types.ModuleType(name)
ResNet = type("ResNet", (torch.nn.Module,), {"__module__": "torchvision.models.resnet"})
sys.modules["torchvision.models.resnet"].ResNet = ResNet
resnet = ResNet()
resnet.fc = torch.nn.Linear(4, 2)
torch.save(resnet, os.path.join(out, "resnet_stand_in_module.pt"))
torch.save(LTCCell(FullyConnected(4), 3), os.path.join(out, "ltc_cell_module.pt"))
