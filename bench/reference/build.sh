#!/bin/sh
# Builds the C reference of the sweep's compute (sweep-ref.c) into OUT, one binary per vector
# width: sweep-ref-8 (AVX-512, 8 sets per register), sweep-ref-4 (AVX2) and sweep-ref-2 (128-bit
# SSE, the width of WebAssembly SIMD; AVX itself turned off so nothing is widened). A width this
# machine cannot build or run is skipped with one line on stderr; the exit code is 1 when none
# was built. -ffp-contract=off: no fused multiply-add (the engine rounds a product and a sum
# separately, and the reference must give its bits).
#
#   sh bench/reference/build.sh OUT [CC]
set -u
out=${1:?usage: build.sh OUT [CC]}
cc=${2:-${CC:-gcc}}
src=$(dirname "$0")
mkdir -p "$out"
flags="-O3 -march=native -ffp-contract=off -std=c11 -Wall -Wextra"
built=0
for spec in "8:" "4:-mno-avx512f" "2:-mno-avx512f -mno-avx"; do
  lanes=${spec%%:*}
  extra=${spec#*:}
  # shellcheck disable=SC2086
  if $cc $flags $extra -DLANES="$lanes" -o "$out/sweep-ref-$lanes" "$src/sweep-ref.c" -lm 2>"$out/build-$lanes.log"; then
    built=$((built + 1))
  else
    echo "sweep-ref-$lanes: not built ($(head -c 300 "$out/build-$lanes.log" | tr '\n' ' '))" >&2
  fi
done
[ "$built" -gt 0 ]
