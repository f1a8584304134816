"""The PyTorch twin of the SL policy run: nn-core/bench/torch_reference.py's PolicyNet (the 6x64 tower), Adam with
coupled L2 (torch's weight_decay, as DL4J's l2), the rate decaying linearly to 0 at the last step, batch 128, one random
symmetry of the 8 per minibatch, on the positions ExportPositions.java wrote. Prints validation top-1 and NLL every
1,000 steps, then test top-1 and NLL, one view and the 8 views averaged.

usage: cd EXPORT_DIR && /usr/bin/python3 REPO/rl/bench/sl_twin.py STEPS LR L2 [THREADS]   (EXPORT_DIR: ExportPositions.java's output)
"""
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "nn-core", "bench"))
from torch_reference import PolicyNet  # noqa: E402

C, N = 21, 9


def load(prefix):
    x = np.fromfile(prefix + ".x", dtype=np.uint8).reshape(-1, C, N, N)
    y = np.fromfile(prefix + ".y", dtype=">i2").astype(np.int64)
    return torch.from_numpy(x), torch.from_numpy(y)


def view(t, s):
    """Symmetry s of the 8: bit 2 transposes, then bit 0 mirrors x, bit 1 mirrors y (go-engine's Symmetry order)."""
    if s & 4:
        t = t.transpose(-1, -2)
    if s & 1:
        t = t.flip(-1)
    if s & 2:
        t = t.flip(-2)
    return t


def move_maps():
    """maps[s][k]: the index of point k (or pass, 81) in view s."""
    grid = torch.arange(N * N).view(N, N)
    maps = []
    for s in range(8):
        inv = torch.empty(N * N + 1, dtype=torch.long)
        inv[view(grid, s).flatten()] = torch.arange(N * N)
        inv[N * N] = N * N
        maps.append(inv)
    return maps


def evaluate(net, maps, x, y, symmetries):
    net.eval()
    hits, nll = 0, 0.0
    with torch.no_grad():
        for i in range(0, len(x), 1024):
            xb, yb = x[i:i + 1024].float() / 8, y[i:i + 1024]
            if symmetries:
                lp = (sum(F.softmax(net(view(xb, s)), 1)[:, maps[s]] for s in range(8)) / 8).log()
            else:
                lp = F.log_softmax(net(xb), 1)
            hits += (lp.argmax(1) == yb).sum().item()
            nll -= lp.gather(1, yb[:, None]).sum().item()
    net.train()
    return hits / len(x), nll / len(x)


def main():
    steps, lr, l2 = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3])
    torch.set_num_threads(int(sys.argv[4]) if len(sys.argv) > 4 else 2)
    torch.manual_seed(1)
    tx, ty = load("train")
    vx, vy = load("val")
    sx, sy = load("test")
    maps = move_maps()
    net = PolicyNet()
    opt = torch.optim.Adam(net.parameters(), lr, weight_decay=l2)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda k: 1 - k / steps)
    t0, step = time.time(), 0
    while step < steps:
        perm = torch.randperm(len(tx))
        for i in range(0, len(perm) - 127, 128):
            idx = perm[i:i + 128]
            s = torch.randint(0, 8, (1,)).item()
            loss = F.cross_entropy(net(view(tx[idx].float() / 8, s)), maps[s][ty[idx]])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            step += 1
            if step % 1000 == 0 or step == steps:
                top1, nll = evaluate(net, maps, vx, vy, False)
                print(f"step {step} loss {loss.item():.3f} validation top1 {top1:.4f} nll {nll:.3f} "
                      f"{time.time() - t0:.0f}s", flush=True)
            if step == steps:
                break
    print("test top1, nll", evaluate(net, maps, sx, sy, False), "8 views", evaluate(net, maps, sx, sy, True))


if __name__ == "__main__":
    main()
