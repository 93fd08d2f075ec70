// Compares a GPU kernel library (dlopen) with the CPU twins, bit for bit.
//
//   compare LIBRARY [ROUNDS] [REPLICATIONS]
//
// LIBRARY is gpu/build/libgctkernels_hip.so (AMD), gpu/build/libgctkernels_cuda.so (NVIDIA, built by
// gpu/check/run.sh) or gpu/build/libgctkernels_host.so (host-only). Prints the devices found, then one
// line per kernel: cases compared, mismatches, CPU and GPU seconds. Exit status 1 on any mismatch,
// 2 when the library or a device is missing.
#include "gct_kernels.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <vector>

template <class F> static F symbol(void* h, const char* name) {
    F f = reinterpret_cast<F>(dlsym(h, name));
    if (!f) {
        std::fprintf(stderr, "compare: %s missing from the library\n", name);
        std::exit(2);
    }
    return f;
}
static double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: compare LIBRARY [ROUNDS] [REPLICATIONS]\n");
        return 2;
    }
    uint32_t rounds = argc > 2 ? (uint32_t)std::atoi(argv[2]) : 20000;
    uint32_t reps = argc > 3 ? (uint32_t)std::atoi(argv[3]) : 2000;
    void* h = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        std::fprintf(stderr, "compare: %s\n", dlerror());
        return 2;
    }
    auto abi = symbol<gct_gpu_abi_version_fn>(h, "gct_gpu_abi_version");
    auto count = symbol<gct_gpu_device_count_fn>(h, "gct_gpu_device_count");
    auto info = symbol<gct_gpu_device_info_fn>(h, "gct_gpu_device_info");
    auto oracle = symbol<gct_gpu_oracle_batch_fn>(h, "gct_gpu_oracle_batch");
    auto flow = symbol<gct_gpu_tokenflow_ensemble_fn>(h, "gct_gpu_tokenflow_ensemble");
    auto lastError = symbol<gct_gpu_last_error_fn>(h, "gct_gpu_last_error");
    if (abi() != GCT_KERNELS_ABI_VERSION) {
        std::fprintf(stderr, "compare: library ABI %d, header ABI %d\n", abi(), GCT_KERNELS_ABI_VERSION);
        return 2;
    }
    int32_t n = 0;
    char message[512] = "";
    if (count(&n, message, sizeof message) != GCT_OK) {
        std::fprintf(stderr, "compare: no device (%s)\n", message);
        return 2;
    }
    for (int32_t i = 0; i < n; ++i) {
        gct_device_info d;
        if (info(i, &d) == GCT_OK)
            std::printf("device %d: %s, %s, %.1f GiB, %d compute units\n", i, d.name, d.arch,
                        (double)d.total_memory / 1073741824.0, d.compute_units);
    }
    int failures = 0;
    // Oracle rounds: 64 validators, 16 attackers, 4 biases; every combination of the options.
    for (uint32_t options = 0; options <= (GCT_ORACLE_MULTIPLICATIVE | GCT_ORACLE_DROP_OUTLIERS); ++options) {
        gct_oracle_params p;
        std::memset(&p, 0, sizeof p);
        p.seed = 20240601;
        p.validators = 64;
        p.attackers = 16;
        p.rounds = rounds;
        p.history = 24;
        p.minimum_history = 10;
        p.true_price_nanos = 2500000000LL;
        p.honest_sd = 0.02;
        p.history_sd = 0.01;
        p.outlier_num = 1;
        p.outlier_den = 4;
        p.z_threshold = 3.0;
        p.consensus_threshold = 0.6;
        p.options = options;
        std::vector<int64_t> stake(p.validators), rep(p.validators);
        for (uint32_t i = 0; i < p.validators; ++i) {
            stake[i] = (int64_t)(1000 + 37 * i) * 1000000000LL;
            rep[i] = 500000000LL + 7000000LL * i;
        }
        const double biases[4] = {0.0, 0.05, 0.2, 0.5};
        std::vector<gct_oracle_round_result> cpu(4 * rounds), gpu(4 * rounds);
        double t0 = now();
        gct_cpu_oracle_batch(&p, stake.data(), rep.data(), biases, 4, cpu.data());
        double t1 = now();
        int32_t s = oracle(&p, stake.data(), rep.data(), biases, 4, gpu.data());
        double t2 = now();
        if (s != GCT_OK) {
            lastError(message, sizeof message);
            std::fprintf(stderr, "compare: oracle batch failed: %s\n", message);
            return 2;
        }
        size_t bad = 0;
        for (size_t i = 0; i < cpu.size(); ++i) {
            const gct_oracle_round_result &a = cpu[i], &b = gpu[i];
            if (a.median_nanos != b.median_nanos || a.outliers != b.outliers ||
                a.attacker_outliers != b.attacker_outliers || std::memcmp(&a.z_score, &b.z_score, 8) != 0 ||
                std::memcmp(&a.anomaly_consensus, &b.anomaly_consensus, 8) != 0 || a.anomaly != b.anomaly ||
                a.manipulation != b.manipulation) {
                if (bad < 3)
                    std::fprintf(stderr, "  round %zu: median %lld/%lld z %.17g/%.17g\n", i, (long long)a.median_nanos,
                                 (long long)b.median_nanos, a.z_score, b.z_score);
                ++bad;
            }
        }
        std::printf("oracle rounds (options %u): %zu compared, %zu differ (bitwise), cpu %.3f s, gpu %.3f s\n",
                    options, cpu.size(), bad, t1 - t0, t2 - t1);
        failures += bad != 0;
    }
    // Token flow: R replications × 365 days.
    {
        gct_tokenflow_params p;
        std::memset(&p, 0, sizeof p);
        p.seed = 7;
        p.replications = reps;
        p.days = 365;
        p.mean_daily_execs = 50000;
        p.avg_cost = 200000000;  // 0.2 GCT
        p.capacity = 60000;
        p.burn_num = 1, p.burn_den = 200;
        p.mining_num = 1, p.mining_den = 50;
        p.validator_num = 2, p.validator_den = 25;
        p.stake_num = 1, p.stake_den = 1000;
        p.initial_supply = 400000000LL * 1000000000LL;
        p.initial_staked = 100000000LL * 1000000000LL;
        p.cap = 1000000000LL * 1000000000LL;
        std::vector<gct_tokenflow_day> cpuDaily((size_t)reps * 365), gpuDaily((size_t)reps * 365), cpuF(reps), gpuF(reps);
        double t0 = now();
        gct_cpu_tokenflow_ensemble(&p, cpuDaily.data(), cpuF.data());
        double t1 = now();
        int32_t s = flow(&p, gpuDaily.data(), gpuF.data());
        double t2 = now();
        if (s != GCT_OK) {
            lastError(message, sizeof message);
            std::fprintf(stderr, "compare: token flow failed: %s\n", message);
            return 2;
        }
        size_t bad = 0;
        for (size_t i = 0; i < cpuDaily.size(); ++i)
            if (std::memcmp(&cpuDaily[i], &gpuDaily[i], sizeof(gct_tokenflow_day)) != 0) ++bad;
        std::printf("token-flow days: %zu compared, %zu differ (bitwise), cpu %.3f s, gpu %.3f s\n", cpuDaily.size(), bad,
                    t1 - t0, t2 - t1);
        failures += bad != 0;
    }
    dlclose(h);
    return failures ? 1 : 0;
}
