// The CPU twins: the shared kernel functions called in loops on the host, in the same order the GPU
// threads use (one round or replication at a time; results land at the same indices).
#include "gct_kernels.h"
#include "shared/gct_kernels_shared.h"

#include <algorithm>
#include <chrono>
#include <system_error>
#include <thread>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

extern "C" int32_t gct_kernels_abi_version(void) { return GCT_KERNELS_ABI_VERSION; }

extern "C" int32_t gct_cpu_oracle_batch(const gct_oracle_params* params, const int64_t* stake,
                                        const int64_t* reputation_ppb, const double* biases, uint32_t bias_count,
                                        gct_oracle_round_result* results) {
    int32_t status = gct_validate_oracle(params, stake, reputation_ppb);
    if (status != GCT_OK) return status;
    if (bias_count > 0 && (!biases || !results)) return GCT_ERR_INVALID_ARGUMENT;
    const uint32_t V = params->validators;
    std::vector<int64_t> values(V + params->history);
    std::vector<gct_u128> weights(V);
    std::vector<uint32_t> order(V);
    for (uint32_t b = 0; b < bias_count; ++b)
        for (uint32_t r = 0; r < params->rounds; ++r)
            gct_oracle_round(params, stake, reputation_ppb, r, biases[b], values.data(), weights.data(), order.data(),
                             &results[(uint64_t)b * params->rounds + r]);
    return GCT_OK;
}

extern "C" int32_t gct_cpu_oracle_round_data(const gct_oracle_params* params, uint32_t round, double bias,
                                             int64_t* reports, int64_t* history) {
    if (!params || !reports || !history || params->validators < 1 || params->attackers > params->validators)
        return GCT_ERR_INVALID_ARGUMENT;
    gct_oracle_round_data(params, round, bias, reports, history);
    return GCT_OK;
}

namespace {
/// Replications [first, end) of the ensemble: each replication owns its own state and streams, so the
/// result of a replication does not depend on which thread runs it or in what order.
void tokenflow_range(const gct_tokenflow_params* params, uint32_t first, uint32_t end, gct_tokenflow_day* daily,
                     gct_tokenflow_day* final_state) {
    const gct_poisson_consts poisson = gct_poisson_prepare(params->mean_daily_execs);
    for (uint32_t r = first; r < end; ++r) {
        gct_tokenflow_state s = gct_tokenflow_init(params);
        gct_tokenflow_day last = {0, 0, s.burned, s.minted, s.staked, s.minted - s.burned - s.staked, 0, 0};
        gct_tokenflow_day* row = daily ? daily + (uint64_t)r * params->days : nullptr;
        for (uint32_t d = 0; d < params->days; ++d) {
            last = gct_tokenflow_step_prepared(params, &poisson, &s, r, d);
            if (row) row[d] = last;
        }
        final_state[r] = last;
    }
}
}  // namespace

extern "C" int32_t gct_cpu_tokenflow_ensemble_threads(const gct_tokenflow_params* params, int32_t threads,
                                                      gct_tokenflow_day* daily, gct_tokenflow_day* final_state) {
    int32_t status = gct_validate_tokenflow(params);
    if (status != GCT_OK) return status;
    if (!final_state || threads < 0) return GCT_ERR_INVALID_ARGUMENT;
    const uint32_t R = params->replications;
    uint32_t n = threads == 0 ? std::max(1u, std::thread::hardware_concurrency()) : (uint32_t)threads;
    if (n > R) n = R;
    if (n <= 1) {
        tokenflow_range(params, 0, R, daily, final_state);
        return GCT_OK;
    }
    try {
        std::vector<std::thread> workers;
        workers.reserve(n - 1);
        // Contiguous blocks of replications, the first R mod n one longer.
        uint32_t first = 0;
        for (uint32_t t = 0; t < n; ++t) {
            uint32_t end = first + R / n + (t < R % n ? 1 : 0);
            if (t + 1 == n) tokenflow_range(params, first, end, daily, final_state);
            else workers.emplace_back(tokenflow_range, params, first, end, daily, final_state);
            first = end;
        }
        for (auto& w : workers) w.join();
    } catch (const std::system_error&) {
        return GCT_ERR_OUT_OF_MEMORY;
    }
    return GCT_OK;
}

extern "C" int32_t gct_cpu_tokenflow_ensemble(const gct_tokenflow_params* params, gct_tokenflow_day* daily,
                                              gct_tokenflow_day* final_state) {
    return gct_cpu_tokenflow_ensemble_threads(params, 1, daily, final_state);
}

namespace {
double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}
int64_t checksum(const double* x, int64_t n) {
    double s = 0;
    for (int64_t i = 0; i < n; ++i) s += x[i];
    return (int64_t)gct_double_bits(s);
}
}  // namespace

extern "C" int32_t gct_cpu_bench(int32_t op, int64_t size, gct_bench_result* result) {
    if (!result || size <= 0) return GCT_ERR_INVALID_ARGUMENT;
    try {
        switch (op) {
        case GCT_BENCH_MATMUL: {
            if (size > 4096) return GCT_ERR_INVALID_ARGUMENT;
            const int64_t n = size;
            std::vector<double> a(n * n), b(n * n), c(n * n, 0.0);
            for (int64_t i = 0; i < n * n; ++i) { a[i] = (double)(i % 7) * 0.5; b[i] = (double)(i % 5) * 0.25; }
            auto t0 = std::chrono::steady_clock::now();
            for (int64_t i = 0; i < n; ++i)
                for (int64_t k = 0; k < n; ++k) {
                    const double aik = a[i * n + k];
                    for (int64_t j = 0; j < n; ++j) c[i * n + j] += aik * b[k * n + j];
                }
            result->seconds = seconds_since(t0);
            result->units = 2.0 * (double)n * (double)n * (double)n;
            result->checksum_bits = checksum(c.data(), n * n);
            return GCT_OK;
        }
        case GCT_BENCH_TRIAD: {
            const int64_t n = size;
            std::vector<double> a(n), b(n, 1.5), c(n, 2.5);
            auto t0 = std::chrono::steady_clock::now();
            for (int64_t i = 0; i < n; ++i) a[i] = b[i] + 3.0 * c[i];
            result->seconds = seconds_since(t0);
            result->units = 24.0 * (double)n;
            result->checksum_bits = checksum(a.data(), n);
            return GCT_OK;
        }
        case GCT_BENCH_ALLOC: {
            volatile int64_t touched = 0;
            auto t0 = std::chrono::steady_clock::now();
            for (int64_t i = 0; i < size; ++i) {
                char* p = (char*)std::malloc(1 << 20);
                if (!p) return GCT_ERR_OUT_OF_MEMORY;
                p[0] = (char)i;
                touched = touched + p[0];
                std::free(p);
            }
            result->seconds = seconds_since(t0);
            result->units = (double)size;
            result->checksum_bits = touched;
            return GCT_OK;
        }
        case GCT_BENCH_TRANSFER: {
            std::vector<char> host(size, 1), staging(size), back(size);
            auto t0 = std::chrono::steady_clock::now();
            std::memcpy(staging.data(), host.data(), size);
            std::memcpy(back.data(), staging.data(), size);
            result->seconds = seconds_since(t0);
            result->units = 2.0 * (double)size;
            result->checksum_bits = back[size - 1];
            return GCT_OK;
        }
        case GCT_BENCH_COMPILE:
            return GCT_ERR_UNSUPPORTED;
        default:
            return GCT_ERR_INVALID_ARGUMENT;
        }
    } catch (const std::bad_alloc&) {
        return GCT_ERR_OUT_OF_MEMORY;
    }
}

extern "C" void gct_cpu_philox4x32(const uint32_t ctr[4], const uint32_t key[2], int32_t rounds, uint32_t out[4]) {
    gct_philox4x32(ctr, key, rounds, out);
}
extern "C" void gct_cpu_stream_uniforms(uint64_t seed, uint32_t replication, uint32_t stream, double* out,
                                        int32_t count) {
    gct_stream s = gct_stream_make(seed, replication, stream);
    for (int32_t i = 0; i < count; ++i) out[i] = gct_stream_uniform(&s);
}
extern "C" int64_t gct_cpu_poisson(uint64_t seed, uint32_t replication, uint32_t stream, double mean) {
    gct_stream s = gct_stream_make(seed, replication, stream);
    return gct_poisson(&s, mean);
}
extern "C" void gct_cpu_stream_normals(uint64_t seed, uint32_t replication, uint32_t stream, double* out,
                                       int32_t count) {
    gct_stream s = gct_stream_make(seed, replication, stream);
    for (int32_t i = 0; i < count; ++i) out[i] = gct_stream_normal(&s);
}
extern "C" double gct_cpu_log(double x) { return gct_log(x); }
extern "C" double gct_cpu_exp(double x) { return gct_exp(x); }
extern "C" double gct_cpu_u128_to_double(uint64_t hi, uint64_t lo) {
    return gct_u128_to_double(((gct_u128)hi << 64) | lo);
}
