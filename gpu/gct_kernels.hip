// The GCTSim GPU kernels (HIP). Each kernel runs the shared functions of
// Sources/CGCTKernels/shared/gct_kernels_shared.h, one thread per oracle round or token-flow
// replication, so every thread performs exactly the CPU twin's operations in the CPU twin's order.
//
// Built three ways by gpu/Makefile:
//   hipcc --offload-arch=gfx908 --offload-arch=gfx90a   → build/libgctkernels_hip.so   (AMD GPUs)
//   g++ -x c++ -DGCT_HIP_HOST_SHIM                      → build/libgctkernels_host.so  (host-only, CI)
//   hipcc on the NVIDIA platform (gpu/check/run.sh)     → the same ABI through nvcc
// and exports the C ABI of Sources/CGCTKernels/include/gct_kernels.h with the `gct_gpu_` prefix.
#if defined(GCT_HIP_HOST_SHIM)
#include "hip_host_shim.h"
#else
#include <hip/hip_runtime.h>
#if !defined(GCT_NO_HIPRTC)
#include <hip/hiprtc.h>
#endif
#endif

#include "gct_kernels.h"
#include "shared/gct_kernels_shared.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#define GCT_EXPORT extern "C" __attribute__((visibility("default")))

namespace {

thread_local char lastError[512] = "";

int32_t fail(int32_t status, const char* what, const char* detail) {
    std::snprintf(lastError, sizeof lastError, "%s: %s", what, detail);
    return status;
}

/// Turns a hipError_t into a status, recording the call's name.
#define GCT_HIP(call)                                                                               \
    do {                                                                                            \
        hipError_t e_ = (call);                                                                     \
        if (e_ != hipSuccess)                                                                       \
            return fail(e_ == hipErrorOutOfMemory ? GCT_ERR_OUT_OF_MEMORY : GCT_ERR_RUNTIME, #call, \
                        hipGetErrorString(e_));                                                     \
    } while (0)

/// Device memory owned for the length of one call.
struct DeviceBuffer {
    void* ptr = nullptr;
    ~DeviceBuffer() {
        if (ptr) (void)hipFree(ptr);
    }
    template <class T> T* as() const { return static_cast<T*>(ptr); }
};

hipError_t allocate(DeviceBuffer& b, size_t bytes) { return hipMalloc(&b.ptr, bytes ? bytes : 1); }

// Threads per block of every kernel.
constexpr unsigned kBlock = 128;
// Oracle rounds per launch: bounds the scratch memory (V + H values, V weights, V indices per round).
constexpr uint64_t kOracleChunk = 1u << 16;

}  // namespace

__global__ void gct_oracle_kernel(gct_oracle_params p, const int64_t* stake, const int64_t* reputation,
                                  const double* biases, uint64_t first, uint64_t count, int64_t* values,
                                  gct_u128* weights, uint32_t* order, gct_oracle_round_result* results) {
    uint64_t t = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (t >= count) return;
    uint64_t g = first + t;
    uint32_t b = (uint32_t)(g / p.rounds);
    uint32_t r = (uint32_t)(g % p.rounds);
    gct_oracle_round(&p, stake, reputation, r, biases[b], values + t * (p.validators + p.history),
                     weights + t * p.validators, order + t * p.validators, results + t);
}

__global__ void gct_tokenflow_kernel(gct_tokenflow_params p, gct_tokenflow_day* daily, gct_tokenflow_day* finals) {
    uint32_t r = blockIdx.x * blockDim.x + threadIdx.x;
    if (r >= p.replications) return;
    gct_tokenflow_state s = gct_tokenflow_init(&p);
    gct_tokenflow_day last;
    last.execs = 0;
    last.fees = 0;
    last.burned = s.burned;
    last.minted = s.minted;
    last.staked = s.staked;
    last.circulating = s.minted - s.burned - s.staked;
    last.emission_due = 0;
    last.multiplier_num = 0;
    const gct_poisson_consts poisson = gct_poisson_prepare(p.mean_daily_execs);
    for (uint32_t d = 0; d < p.days; ++d) {
        last = gct_tokenflow_step_prepared(&p, &poisson, &s, r, d);
        if (daily) daily[(uint64_t)r * p.days + d] = last;
    }
    finals[r] = last;
}

__global__ void gct_matmul_kernel(const double* a, const double* b, double* c, int n) {
    int idx = blockIdx.x * blockDim.x + threadIdx.x;
    if (idx >= n * n) return;
    int i = idx / n, j = idx % n;
    double s = 0.0;
    for (int k = 0; k < n; ++k) s += a[i * n + k] * b[k * n + j];
    c[idx] = s;
}

__global__ void gct_triad_kernel(double* a, const double* b, const double* c, uint64_t n) {
    uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) a[i] = b[i] + 3.0 * c[i];
}

__global__ void gct_fill_kernel(double* a, uint64_t n, double mod, double scale) {
    uint64_t i = (uint64_t)blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) a[i] = ((double)i - mod * floor((double)i / mod)) * scale;
}

static unsigned blocksFor(uint64_t n) { return (unsigned)((n + kBlock - 1) / kBlock); }

GCT_EXPORT int32_t gct_gpu_abi_version(void) { return GCT_KERNELS_ABI_VERSION; }

GCT_EXPORT int32_t gct_gpu_last_error(char* message, int32_t length) {
    if (!message || length <= 0) return GCT_ERR_INVALID_ARGUMENT;
    std::snprintf(message, (size_t)length, "%s", lastError);
    return GCT_OK;
}

GCT_EXPORT int32_t gct_gpu_device_count(int32_t* count, char* message, int32_t length) {
    if (!count) return GCT_ERR_INVALID_ARGUMENT;
    *count = 0;
    int n = 0;
    hipError_t e = hipGetDeviceCount(&n);
    if (e != hipSuccess) {
        fail(GCT_ERR_NO_DEVICE, "hipGetDeviceCount", hipGetErrorString(e));
        if (message && length > 0) std::snprintf(message, (size_t)length, "%s", lastError);
        return GCT_ERR_NO_DEVICE;
    }
    *count = n;
    if (n == 0) {
        fail(GCT_ERR_NO_DEVICE, "hipGetDeviceCount", "0 devices");
        if (message && length > 0) std::snprintf(message, (size_t)length, "%s", lastError);
        return GCT_ERR_NO_DEVICE;
    }
    return GCT_OK;
}

GCT_EXPORT int32_t gct_gpu_device_info(int32_t index, gct_device_info* info) {
    if (!info || index < 0) return GCT_ERR_INVALID_ARGUMENT;
    hipDeviceProp_t prop;
    GCT_HIP(hipGetDeviceProperties(&prop, index));
    std::memset(info, 0, sizeof *info);
    std::snprintf(info->name, sizeof info->name, "%s", prop.name);
#if defined(__HIP_PLATFORM_NVIDIA__) || defined(__HIP_PLATFORM_NVCC__)
    std::snprintf(info->arch, sizeof info->arch, "sm_%d%d", prop.major, prop.minor);
#else
    std::snprintf(info->arch, sizeof info->arch, "%s", prop.gcnArchName);
#endif
    info->total_memory = (uint64_t)prop.totalGlobalMem;
    info->compute_units = prop.multiProcessorCount;
    info->clock_khz = prop.clockRate;
    return GCT_OK;
}

GCT_EXPORT int32_t gct_gpu_oracle_batch(const gct_oracle_params* params, const int64_t* stake,
                                        const int64_t* reputation_ppb, const double* biases, uint32_t bias_count,
                                        gct_oracle_round_result* results) {
    int32_t status = gct_validate_oracle(params, stake, reputation_ppb);
    if (status != GCT_OK) return fail(status, "gct_gpu_oracle_batch", "invalid parameters");
    if (bias_count == 0 || params->rounds == 0) return GCT_OK;
    if (!biases || !results) return fail(GCT_ERR_INVALID_ARGUMENT, "gct_gpu_oracle_batch", "null output");
    const uint64_t V = params->validators, H = params->history;
    const uint64_t total = (uint64_t)bias_count * params->rounds;
    const uint64_t chunk = total < kOracleChunk ? total : kOracleChunk;
    GCT_HIP(hipSetDevice(0));
    DeviceBuffer dStake, dRep, dBias, dValues, dWeights, dOrder, dResults;
    GCT_HIP(allocate(dStake, V * sizeof(int64_t)));
    GCT_HIP(allocate(dRep, V * sizeof(int64_t)));
    GCT_HIP(allocate(dBias, bias_count * sizeof(double)));
    GCT_HIP(allocate(dValues, chunk * (V + H) * sizeof(int64_t)));
    GCT_HIP(allocate(dWeights, chunk * V * sizeof(gct_u128)));
    GCT_HIP(allocate(dOrder, chunk * V * sizeof(uint32_t)));
    GCT_HIP(allocate(dResults, chunk * sizeof(gct_oracle_round_result)));
    GCT_HIP(hipMemcpy(dStake.ptr, stake, V * sizeof(int64_t), hipMemcpyHostToDevice));
    GCT_HIP(hipMemcpy(dRep.ptr, reputation_ppb, V * sizeof(int64_t), hipMemcpyHostToDevice));
    GCT_HIP(hipMemcpy(dBias.ptr, biases, bias_count * sizeof(double), hipMemcpyHostToDevice));
    for (uint64_t first = 0; first < total; first += chunk) {
        uint64_t count = total - first < chunk ? total - first : chunk;
        hipLaunchKernelGGL(gct_oracle_kernel, dim3(blocksFor(count)), dim3(kBlock), 0, 0, *params,
                           dStake.as<int64_t>(), dRep.as<int64_t>(), dBias.as<double>(), first, count,
                           dValues.as<int64_t>(), dWeights.as<gct_u128>(), dOrder.as<uint32_t>(),
                           dResults.as<gct_oracle_round_result>());
        GCT_HIP(hipGetLastError());
        GCT_HIP(hipMemcpy(results + first, dResults.ptr, count * sizeof(gct_oracle_round_result),
                          hipMemcpyDeviceToHost));
    }
    return GCT_OK;
}

GCT_EXPORT int32_t gct_gpu_tokenflow_ensemble(const gct_tokenflow_params* params, gct_tokenflow_day* daily,
                                              gct_tokenflow_day* final_state) {
    int32_t status = gct_validate_tokenflow(params);
    if (status != GCT_OK) return fail(status, "gct_gpu_tokenflow_ensemble", "invalid parameters");
    if (!final_state) return fail(GCT_ERR_INVALID_ARGUMENT, "gct_gpu_tokenflow_ensemble", "null output");
    const uint64_t R = params->replications;
    if (R == 0) return GCT_OK;
    const uint64_t dailyCount = daily ? R * params->days : 0;
    GCT_HIP(hipSetDevice(0));
    DeviceBuffer dDaily, dFinal;
    if (daily) GCT_HIP(allocate(dDaily, dailyCount * sizeof(gct_tokenflow_day)));
    GCT_HIP(allocate(dFinal, R * sizeof(gct_tokenflow_day)));
    hipLaunchKernelGGL(gct_tokenflow_kernel, dim3(blocksFor(R)), dim3(kBlock), 0, 0, *params,
                       daily ? dDaily.as<gct_tokenflow_day>() : nullptr, dFinal.as<gct_tokenflow_day>());
    GCT_HIP(hipGetLastError());
    if (daily)
        GCT_HIP(hipMemcpy(daily, dDaily.ptr, dailyCount * sizeof(gct_tokenflow_day), hipMemcpyDeviceToHost));
    GCT_HIP(hipMemcpy(final_state, dFinal.ptr, R * sizeof(gct_tokenflow_day), hipMemcpyDeviceToHost));
    return GCT_OK;
}

namespace {
double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

int32_t timedKernel(gct_bench_result* out, double units, double* dOut, uint64_t outCount,
                    void (*launch)(void*), void* ctx) {
    hipEvent_t start, stop;
    GCT_HIP(hipEventCreate(&start));
    GCT_HIP(hipEventCreate(&stop));
    launch(ctx);  // warm-up: first launch loads the code object
    GCT_HIP(hipDeviceSynchronize());
    GCT_HIP(hipEventRecord(start, 0));
    launch(ctx);
    GCT_HIP(hipEventRecord(stop, 0));
    GCT_HIP(hipEventSynchronize(stop));
    GCT_HIP(hipGetLastError());
    float ms = 0;
    GCT_HIP(hipEventElapsedTime(&ms, start, stop));
    (void)hipEventDestroy(start);
    (void)hipEventDestroy(stop);
    double last = 0;
    GCT_HIP(hipMemcpy(&last, dOut + (outCount - 1), sizeof(double), hipMemcpyDeviceToHost));
    out->seconds = ms / 1000.0;
    out->units = units;
    out->checksum_bits = (int64_t)gct_double_bits(last);
    return GCT_OK;
}

struct MatmulArgs { double *a, *b, *c; int n; };
void launchMatmul(void* p) {
    MatmulArgs* m = static_cast<MatmulArgs*>(p);
    uint64_t nn = (uint64_t)m->n * m->n;
    hipLaunchKernelGGL(gct_matmul_kernel, dim3(blocksFor(nn)), dim3(kBlock), 0, 0, m->a, m->b, m->c, m->n);
}
struct TriadArgs { double *a, *b, *c; uint64_t n; };
void launchTriad(void* p) {
    TriadArgs* t = static_cast<TriadArgs*>(p);
    hipLaunchKernelGGL(gct_triad_kernel, dim3(blocksFor(t->n)), dim3(kBlock), 0, 0, t->a, t->b, t->c, t->n);
}
}  // namespace

GCT_EXPORT int32_t gct_gpu_bench(int32_t op, int64_t size, gct_bench_result* result) {
    if (!result || size <= 0) return fail(GCT_ERR_INVALID_ARGUMENT, "gct_gpu_bench", "size must be positive");
    GCT_HIP(hipSetDevice(0));
    switch (op) {
    case GCT_BENCH_MATMUL: {
        if (size > 8192) return fail(GCT_ERR_INVALID_ARGUMENT, "gct_gpu_bench", "matmul size above 8192");
        uint64_t nn = (uint64_t)size * size;
        DeviceBuffer a, b, c;
        GCT_HIP(allocate(a, nn * sizeof(double)));
        GCT_HIP(allocate(b, nn * sizeof(double)));
        GCT_HIP(allocate(c, nn * sizeof(double)));
        hipLaunchKernelGGL(gct_fill_kernel, dim3(blocksFor(nn)), dim3(kBlock), 0, 0, a.as<double>(), nn, 7.0, 0.5);
        hipLaunchKernelGGL(gct_fill_kernel, dim3(blocksFor(nn)), dim3(kBlock), 0, 0, b.as<double>(), nn, 5.0, 0.25);
        MatmulArgs args{a.as<double>(), b.as<double>(), c.as<double>(), (int)size};
        return timedKernel(result, 2.0 * (double)size * (double)size * (double)size, c.as<double>(), nn, launchMatmul,
                           &args);
    }
    case GCT_BENCH_TRIAD: {
        uint64_t n = (uint64_t)size;
        DeviceBuffer a, b, c;
        GCT_HIP(allocate(a, n * sizeof(double)));
        GCT_HIP(allocate(b, n * sizeof(double)));
        GCT_HIP(allocate(c, n * sizeof(double)));
        hipLaunchKernelGGL(gct_fill_kernel, dim3(blocksFor(n)), dim3(kBlock), 0, 0, b.as<double>(), n, 7.0, 0.5);
        hipLaunchKernelGGL(gct_fill_kernel, dim3(blocksFor(n)), dim3(kBlock), 0, 0, c.as<double>(), n, 5.0, 0.25);
        TriadArgs args{a.as<double>(), b.as<double>(), c.as<double>(), n};
        return timedKernel(result, 24.0 * (double)n, a.as<double>(), n, launchTriad, &args);
    }
    case GCT_BENCH_ALLOC: {
        auto t0 = std::chrono::steady_clock::now();
        for (int64_t i = 0; i < size; ++i) {
            void* p = nullptr;
            GCT_HIP(hipMalloc(&p, 1 << 20));
            GCT_HIP(hipFree(p));
        }
        GCT_HIP(hipDeviceSynchronize());
        result->seconds = seconds(t0);
        result->units = (double)size;
        result->checksum_bits = size;
        return GCT_OK;
    }
    case GCT_BENCH_TRANSFER: {
        std::vector<char> host((size_t)size, 1), back((size_t)size, 0);
        DeviceBuffer d;
        GCT_HIP(allocate(d, (size_t)size));
        GCT_HIP(hipMemcpy(d.ptr, host.data(), (size_t)size, hipMemcpyHostToDevice));  // warm-up
        auto t0 = std::chrono::steady_clock::now();
        GCT_HIP(hipMemcpy(d.ptr, host.data(), (size_t)size, hipMemcpyHostToDevice));
        GCT_HIP(hipMemcpy(back.data(), d.ptr, (size_t)size, hipMemcpyDeviceToHost));
        result->seconds = seconds(t0);
        result->units = 2.0 * (double)size;
        result->checksum_bits = back[(size_t)size - 1];
        return GCT_OK;
    }
    case GCT_BENCH_COMPILE: {
#if defined(GCT_HIP_HOST_SHIM) || defined(GCT_NO_HIPRTC)
        return fail(GCT_ERR_UNSUPPORTED, "gct_gpu_bench", "no hiprtc in this build");
#else
        static const char* source =
            "extern \"C\" __global__ void axpy(double a, const double* x, double* y, int n) {\n"
            "  int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) y[i] = a * x[i] + y[i]; }\n";
        auto t0 = std::chrono::steady_clock::now();
        for (int64_t i = 0; i < size; ++i) {
            hiprtcProgram prog;
            hiprtcResult r = hiprtcCreateProgram(&prog, source, "axpy.hip", 0, nullptr, nullptr);
            if (r != HIPRTC_SUCCESS) return fail(GCT_ERR_RUNTIME, "hiprtcCreateProgram", hiprtcGetErrorString(r));
            r = hiprtcCompileProgram(prog, 0, nullptr);
            size_t codeSize = 0;
            if (r == HIPRTC_SUCCESS) r = hiprtcGetCodeSize(prog, &codeSize);
            hiprtcDestroyProgram(&prog);
            if (r != HIPRTC_SUCCESS) return fail(GCT_ERR_RUNTIME, "hiprtcCompileProgram", hiprtcGetErrorString(r));
            result->checksum_bits = (int64_t)codeSize;
        }
        result->seconds = seconds(t0);
        result->units = (double)size;
        return GCT_OK;
#endif
    }
    default:
        return fail(GCT_ERR_INVALID_ARGUMENT, "gct_gpu_bench", "unknown operation");
    }
}
