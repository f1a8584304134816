#!/usr/bin/env bash
# Interleaved speed comparison of primer (DL4J) and PyTorch on the reference workloads, same machine,
# same thread count, alternating runs so background load hits both alike.
# Usage: nn-core/bench/compare.sh [ROUNDS] [THREADS]   (prints one line per run; medians in ms)
# Variants via environment: PRIMER_JAVA_OPTS=-Dprimer.onednn=false (plain DL4J layers),
# OPENBLAS_CORETYPE=... (a fixed OpenBLAS kernel set; unset lets primer choose from the CPU flags).
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
threads="${2:-1}"
cases=("mlp train 64" "convnet train 64" "resnet9 train 64" "resnet9 infer 8" "resnet9 infer 1" "vae train 128")
for ((r = 1; r <= rounds; r++)); do
  for c in "${cases[@]}"; do
    read -r w m b <<<"$c"
    ./primer bench nn --workload "$w" --mode "$m" --batch "$b" --threads "$threads" --samples 50 2>/dev/null \
      | tail -1 | sed 's/$/  (primer)/'
    OMP_NUM_THREADS="$threads" /usr/bin/python3 nn-core/bench/torch_reference.py --workload "$w" --mode "$m" \
      --batch "$b" --threads "$threads" --samples 50 --warmup 100
  done
done
