"""torch + ncps side of the LTC speed comparison: ncps's LTC on AutoNCP(19, 1) with 32 inputs, one thread.

Times 1,000-step sequences at batch 1 and at batch 64 (the same work as SimBenchmark.ltc and
BatchBenchmark's B = 64 figures) and prints steps per second, counting every sequence's steps.

Run with the system python that has torch (Debian's python3-torch) and ncps's source on the path:
    PYTHONPATH=/path/to/ncps /usr/bin/python3 analysis/src/jmh/python/ltc_ncps.py [--steps 1000] [--seconds 3]
"""
import argparse
import time

import torch
from ncps.torch import LTC
from ncps.wirings import AutoNCP

INPUTS = 32


def steps_per_second(model, batch, steps, seconds, repeats):
    x = torch.randn(batch, steps, INPUTS)
    best = 0.0
    best_cpu = 0.0
    with torch.no_grad():
        model(x)  # warm-up
        for _ in range(repeats):
            runs = 0
            start = time.perf_counter()
            cpu_start = time.process_time()
            while True:
                model(x)
                runs += 1
                elapsed = time.perf_counter() - start
                if elapsed >= seconds:
                    break
            # on a shared machine the CPU time is steadier than the wall clock
            cpu = time.process_time() - cpu_start
            best = max(best, runs * batch * steps / elapsed)
            best_cpu = max(best_cpu, runs * batch * steps / cpu)
    return best, best_cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batches", type=int, nargs="+", default=[1, 64])
    args = parser.parse_args()
    torch.set_num_threads(1)
    torch.manual_seed(0)
    model = LTC(INPUTS, AutoNCP(19, 1), batch_first=True)
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    for batch in args.batches:
        rate, cpu_rate = steps_per_second(model, batch, args.steps, args.seconds, args.repeats)
        print(f"ncps LTC AutoNCP(19, 1), {INPUTS} inputs, batch {batch}: {rate:,.0f} steps/s, "
              f"{cpu_rate:,.0f} per CPU second (best of {args.repeats})")


if __name__ == "__main__":
    main()
