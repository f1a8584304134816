#!/usr/bin/env python3
"""PyTorch twin of nn-core's reference workloads (dev.primer.nn.bench.Workload), for speed comparisons.

Same nets, losses, optimisers, batch sizes and timing method as `primer bench nn`:
median / p10 / p90 milliseconds per training step or inference call after warm-up.
Usage: torch_reference.py --workload mlp|convnet|resnet9|policy|vae [--mode train|infer] [--batch N]
       [--threads N] [--warmup N] [--samples N] [--json FILE]
       torch_reference.py --workload vae --train-epochs N [--threads N] [--k K] [--seed S] [--json FILE]
         (trains probmodels' VAE twin on binarised Fashion-MNIST: seconds of each epoch's loop and their median,
          test ELBO, IWAE-K NLL)
Needs Debian's python3-torch and libopenblas0-pthread (else torch falls back to the reference BLAS).
"""
import argparse
import gzip
import json
import math
import statistics
import struct
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ConvNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 32, 3, padding=1)
        self.c2 = nn.Conv2d(32, 64, 3, padding=1)
        self.fc = nn.Linear(64 * 7 * 7, 128)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.c1(x)), 2)
        x = F.max_pool2d(F.relu(self.c2(x)), 2)
        return self.out(F.relu(self.fc(x.flatten(1))))


def conv_bn(cin, cout, k):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2, bias=False), nn.BatchNorm2d(cout))


class Block(nn.Module):
    def __init__(self, f):
        super().__init__()
        self.a = conv_bn(f, f, 3)
        self.b = conv_bn(f, f, 3)

    def forward(self, x):
        return F.relu(self.b(F.relu(self.a(x))) + x)


class ResNet9(nn.Module):
    """8x9x9 planes -> conv3x3 64 BN ReLU -> 6 blocks -> policy 82 / value 1 (AlphaGo Zero layout)."""

    def __init__(self, planes=8, n=9, f=64, blocks=6, moves=82, value_hidden=64):
        super().__init__()
        self.stem = conv_bn(planes, f, 3)
        self.blocks = nn.Sequential(*[Block(f) for _ in range(blocks)])
        self.p = conv_bn(f, 2, 1)
        self.p_fc = nn.Linear(2 * n * n, moves)
        self.v = conv_bn(f, 1, 1)
        self.v_fc1 = nn.Linear(n * n, value_hidden)
        self.v_fc2 = nn.Linear(value_hidden, 1)

    def forward(self, x):
        x = self.blocks(F.relu(self.stem(x)))
        p = self.p_fc(F.relu(self.p(x)).flatten(1))
        v = torch.tanh(self.v_fc2(F.relu(self.v_fc1(F.relu(self.v(x)).flatten(1)))))
        return p, v


class PolicyNet(nn.Module):
    """21x9x9 planes -> conv3x3 64 BN ReLU -> 6 blocks -> policy 82 (the SL policy tower, rl's SlPolicy.Config.full())."""

    def __init__(self, planes=21, n=9, f=64, blocks=6, moves=82):
        super().__init__()
        self.stem = conv_bn(planes, f, 3)
        self.blocks = nn.Sequential(*[Block(f) for _ in range(blocks)])
        self.p = conv_bn(f, 2, 1)
        self.p_fc = nn.Linear(2 * n * n, moves)

    def forward(self, x):
        return self.p_fc(F.relu(self.p(self.blocks(F.relu(self.stem(x))))).flatten(1))


class Vae(nn.Module):
    """probmodels' Vae: 784-400-(mu, log sigma^2) latent 20, Bernoulli decoder 20-400-784 (logits); loss -ELBO per row."""

    def __init__(self, d=784, h=400, latent=20):
        super().__init__()
        self.enc = nn.Linear(d, h)
        self.mu = nn.Linear(h, latent)
        self.logvar = nn.Linear(h, latent)
        self.dec = nn.Linear(latent, h)
        self.out = nn.Linear(h, d)

    def forward(self, x):
        """Per-row -ELBO (closed-form KL, Kingma & Welling 2014 App. B) and log w (Burda et al. 2016 eq. 8)."""
        h = F.relu(self.enc(x))
        mu, logvar = self.mu(h), self.logvar(h)
        eps = torch.randn_like(mu)
        z = mu + torch.exp(0.5 * logvar) * eps
        logits = self.out(F.relu(self.dec(z)))
        nll = F.binary_cross_entropy_with_logits(logits, x, reduction="none").sum(1)
        kl = -0.5 * (1 + logvar - mu * mu - logvar.exp()).sum(1)
        log_w = 0.5 * (eps * eps + logvar - z * z).sum(1) - nll
        return nll + kl, log_w


def fashion_binarized(split):
    """Debian's dataset-fashion-mnist split as float rows of pixels > 127 (static binarisation)."""
    prefix = "train" if split == "train" else "t10k"
    with gzip.open(f"/usr/share/datasets/fashion-mnist/{prefix}-images-idx3-ubyte.gz") as f:
        _, n, rows, cols = struct.unpack(">IIII", f.read(16))
        x = torch.frombuffer(bytearray(f.read()), dtype=torch.uint8).reshape(n, rows * cols)
    return (x > 127).float()


def vae_train(epochs, k, seed):
    """Adam 1e-3, batch 128, `epochs` epochs; returns each epoch's loop seconds, their median, test ELBO, IWAE-k NLL."""
    torch.manual_seed(seed)
    train, test = fashion_binarized("train"), fashion_binarized("test")
    net = Vae()
    opt = torch.optim.Adam(net.parameters(), 1e-3)
    seconds = []
    for _ in range(epochs):
        t0 = time.perf_counter()
        for idx in torch.randperm(len(train)).split(128):
            opt.zero_grad()
            net(train[idx])[0].mean().backward()
            opt.step()
        seconds.append(time.perf_counter() - t0)
    with torch.no_grad():
        elbo = -sum(net(b)[0].sum().item() for b in test.split(1000)) / len(test)
        lk = 0.0
        for b in test.split(max(1, 4096 // k)):
            log_w = net(b.repeat_interleave(k, 0))[1].reshape(len(b), k)
            lk += (torch.logsumexp(log_w, 1) - math.log(k)).sum().item()
    return {"workload": "vae", "epochs": epochs, "seconds_per_epoch": seconds,
            "median_seconds_per_epoch": statistics.median(seconds), "test_elbo": elbo,
            "iwae_nll": -lk / len(test), "k": k, "threads": torch.get_num_threads(),
            "backend": "pytorch " + torch.__version__}


def build(workload, batch):
    g = torch.Generator().manual_seed(1)
    if workload == "mlp":
        net = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
        x = torch.rand(batch, 784, generator=g)
        y = torch.randint(0, 10, (batch,), generator=g)
        return net, torch.optim.Adam(net.parameters(), 1e-3), x, lambda out: F.cross_entropy(out, y)
    if workload == "convnet":
        net = ConvNet()
        x = torch.rand(batch, 1, 28, 28, generator=g)
        y = torch.randint(0, 10, (batch,), generator=g)
        return net, torch.optim.Adam(net.parameters(), 1e-3), x, lambda out: F.cross_entropy(out, y)
    if workload == "resnet9":
        net = ResNet9()
        x = torch.rand(batch, 8, 9, 9, generator=g)
        y = torch.randint(0, 82, (batch,), generator=g)
        z = torch.rand(batch, 1, generator=g) * 2 - 1
        opt = torch.optim.SGD(net.parameters(), lr=0.01, momentum=0.9, weight_decay=1e-4)
        return net, opt, x, lambda out: F.cross_entropy(out[0], y) + F.mse_loss(out[1], z)
    if workload == "policy":
        net = PolicyNet()
        x = torch.rand(batch, 21, 9, 9, generator=g)
        y = torch.randint(0, 82, (batch,), generator=g)
        opt = torch.optim.Adam(net.parameters(), 1e-3, weight_decay=1e-4)
        return net, opt, x, lambda out: F.cross_entropy(out, y)
    if workload == "vae":
        net = Vae()
        x = (torch.rand(batch, 784, generator=g) > 0.5).float()
        return net, torch.optim.Adam(net.parameters(), 1e-3), x, lambda out: out[0].mean()
    raise SystemExit("unknown workload " + workload)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--workload", required=True, choices=["mlp", "convnet", "resnet9", "policy", "vae"])
    ap.add_argument("--mode", default="train", choices=["train", "infer"])
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--warmup", type=int, default=100)
    ap.add_argument("--samples", type=int, default=50)
    ap.add_argument("--json")
    ap.add_argument("--train-epochs", type=int, help="vae only: train on Fashion-MNIST and evaluate instead")
    ap.add_argument("--k", type=int, default=100, help="importance samples for the IWAE bound (default 100)")
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    if a.train_epochs:
        if a.workload != "vae":
            raise SystemExit("--train-epochs is for --workload vae")
        r = vae_train(a.train_epochs, a.k, a.seed)
        print(json.dumps(r))
        if a.json:
            with open(a.json, "w") as f:
                json.dump(r, f, indent=2)
        return
    net, opt, x, loss_fn = build(a.workload, a.batch)
    ms = []
    if a.mode == "train":
        net.train()
    else:
        net.eval()
    for i in range(a.warmup + a.samples):
        t0 = time.perf_counter()
        if a.mode == "train":
            opt.zero_grad()
            loss = loss_fn(net(x))
            loss.backward()
            opt.step()
        else:
            with torch.no_grad():
                net(x)
        t1 = time.perf_counter()
        if i >= a.warmup:
            ms.append((t1 - t0) * 1e3)
    ms.sort()

    def q(p):
        pos = p * (len(ms) - 1)
        lo = int(pos)
        hi = min(len(ms) - 1, lo + 1)
        return ms[lo] + (pos - lo) * (ms[hi] - ms[lo])

    r = {"workload": a.workload, "mode": a.mode, "batch": a.batch, "threads": a.threads,
         "median_ms": q(0.5), "p10_ms": q(0.1), "p90_ms": q(0.9), "samples": a.samples,
         "backend": "pytorch " + torch.__version__}
    print(f"{r['workload']:9s} {r['mode']:6s} {a.batch:6d} {a.threads:8d} {r['median_ms']:10.2f} "
          f"{r['p10_ms']:10.2f} {r['p90_ms']:10.2f}  (pytorch)")
    if a.json:
        with open(a.json, "w") as f:
            json.dump(r, f, indent=2)


if __name__ == "__main__":
    main()
