#!/usr/bin/env bash
# Builds the HIP kernels for NVIDIA through HIP's NVIDIA platform headers and nvcc, then compares the
# GPU results with the CPU twins bit for bit (gpu/check/compare.cpp). For a machine with an NVIDIA GPU,
# the CUDA toolkit (nvcc) and HIP's headers (hip/hip_runtime.h with hip/nvidia_detail/, e.g. Debian's
# libamdhip64-dev, or a checkout of ROCm/HIP's include/ folder given as HIP_INCLUDE).
#
#   gpu/check/run.sh [ROUNDS] [REPLICATIONS]        (from the repository root)
#
# Environment: NVCC (default nvcc), HIP_INCLUDE (default /usr/include), CUDA_ARCH (default native:
# the GPU of this machine; e.g. sm_90 for H100). Exit status: that of compare (0 = bit-identical).
set -euo pipefail
cd "$(dirname "$0")/.."
NVCC=${NVCC:-nvcc}
HIP_INCLUDE=${HIP_INCLUDE:-/usr/include}
CUDA_ARCH=${CUDA_ARCH:-native}
mkdir -p build
test -f "$HIP_INCLUDE/hip/nvidia_detail/nvidia_hip_runtime.h" || { echo "run.sh: no HIP NVIDIA headers under $HIP_INCLUDE" >&2; exit 2; }
# --fmad=false is nvcc's -ffp-contract=off; -prec-div/-prec-sqrt (the defaults) keep ÷ and sqrt IEEE-correct.
# hiprtc maps to NVRTC on NVIDIA; the compile benchmark is left out here (GCT_NO_HIPRTC).
"$NVCC" -x cu -std=c++17 -O2 --fmad=false -prec-div=true -prec-sqrt=true -arch="$CUDA_ARCH" \
  -D__HIP_PLATFORM_NVIDIA__ -DGCT_NO_HIPRTC -I"$HIP_INCLUDE" -I../Sources/CGCTKernels/include -I../Sources/CGCTKernels \
  -Xcompiler -fPIC,-fvisibility=hidden -shared gct_kernels.hip -o build/libgctkernels_cuda.so
g++ -std=c++17 -O2 -ffp-contract=off -I../Sources/CGCTKernels/include -I../Sources/CGCTKernels \
  check/compare.cpp ../Sources/CGCTKernels/gct_kernels_host.cpp -ldl -o build/compare
build/compare build/libgctkernels_cuda.so "${1:-20000}" "${2:-2000}"
