#!/usr/bin/env bash
# Interleaved per-epoch comparison of probmodels' VAE and its PyTorch twin (issue #19), median against median:
# primer's `run vae --budget full` (result.json's median_seconds_per_epoch: the median of Trainer.Result.epochSeconds,
# the minibatch loop without checkpoint writes) and torch_reference.py's 10-epoch run (its median_seconds_per_epoch:
# the median of its epoch loops), same thread count, the order alternating between rounds so load hits both alike.
# Usage: nn-core/bench/compare_vae_epochs.sh [ROUNDS] [THREADS]   (one line per round; runs and logs under a temp dir)
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
threads="${2:-1}"
work="$(mktemp -d)"
ours() {
  OMP_NUM_THREADS="$threads" ./primer run vae --budget full --out "$work/primer-$1" >"$work/primer-$1.log" 2>&1
}
theirs() {
  OMP_NUM_THREADS="$threads" /usr/bin/python3 nn-core/bench/torch_reference.py --workload vae --train-epochs 10 \
    --threads "$threads" --k 100 --json "$work/torch-$1.json" >"$work/torch-$1.log" 2>&1
}
echo "runs and logs in $work"
for ((r = 1; r <= rounds; r++)); do
  load=$(cut -d' ' -f1 /proc/loadavg)
  if ((r % 2)); then ours "$r"; theirs "$r"; else theirs "$r"; ours "$r"; fi
  p=$(jq .metrics.median_seconds_per_epoch "$work/primer-$r/vae/result.json")
  mean=$(jq .metrics.seconds_per_epoch "$work/primer-$r/vae/result.json")
  t=$(jq .median_seconds_per_epoch "$work/torch-$r.json")
  awk -v r="$r" -v n="$threads" -v p="$p" -v m="$mean" -v t="$t" -v a="$load" -v b="$(cut -d' ' -f1 /proc/loadavg)" \
    'BEGIN { printf "round %d, %d thread(s): primer median epoch %.2f s (whole run %.2f s per epoch), PyTorch median %.2f s, primer / PyTorch %.2f (load %s -> %s)\n", r, n, p, m, t, p / t, a, b }'
done
