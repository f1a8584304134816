#!/usr/bin/env bash
# Interleaved speed comparison of primer (DL4J) and PyTorch on the reference workloads, same machine,
# same thread count, alternating runs so background load hits both alike.
# Usage: nn-core/bench/compare.sh [ROUNDS] [THREADS]   (prints one line per run; medians in ms)
# Variants via environment: PRIMER_JAVA_OPTS=-Dprimer.onednn=false (plain DL4J layers),
# OPENBLAS_CORETYPE=... (a fixed OpenBLAS kernel set; unset lets primer choose from the CPU flags),
# CASES="policy train 128;policy infer 1" (other cases), WARMUP=N SAMPLES=N (steps per run; default 100/50),
# BEFORE=DIR (also run the built primer checkout in DIR, e.g. an older commit, labelled "(before)").
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
threads="${2:-1}"
warmup="${WARMUP:-100}"
samples="${SAMPLES:-50}"
IFS=';' read -r -a cases <<<"${CASES:-mlp train 64;convnet train 64;resnet9 train 64;resnet9 infer 8;resnet9 infer 1;vae train 128}"
primer() { # DIR LABEL WORKLOAD MODE BATCH
  "$1/primer" bench nn --workload "$3" --mode "$4" --batch "$5" --threads "$threads" --warmup "$warmup" \
    --samples "$samples" 2>/dev/null | tail -1 | sed "s/\$/  ($2, load $(cut -d' ' -f1 /proc/loadavg))/"
}
for ((r = 1; r <= rounds; r++)); do
  for c in "${cases[@]}"; do
    read -r w m b <<<"$c"
    [ -n "${BEFORE:-}" ] && primer "$BEFORE" before "$w" "$m" "$b"
    primer . primer "$w" "$m" "$b"
    OMP_NUM_THREADS="$threads" /usr/bin/python3 nn-core/bench/torch_reference.py --workload "$w" --mode "$m" \
      --batch "$b" --threads "$threads" --samples "$samples" --warmup "$warmup"
  done
done
