// C ABI of the GCTSim kernels.
//
// `gct_cpu_*` are the CPU twins, built into the Swift package (target CGCTKernels). The HIP library
// gpu/build/libgctkernels_hip.so (make gpu) exports `gct_gpu_*` with the same signatures, plus the
// device queries; GCTGPU loads it with dlopen and finds each entry point with dlsym. Both sides run
// the same source, Sources/CGCTKernels/shared/gct_kernels_shared.h. docs/gpu.md describes the kernels.
#ifndef GCT_KERNELS_H
#define GCT_KERNELS_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif

/// ABI version of this header; the GPU library must report the same (gct_gpu_abi_version).
#define GCT_KERNELS_ABI_VERSION 3

/// Status codes of every entry point.
enum {
    GCT_OK = 0,
    GCT_ERR_INVALID_ARGUMENT = 1,
    GCT_ERR_NO_DEVICE = 2,
    GCT_ERR_RUNTIME = 3,
    GCT_ERR_UNSUPPORTED = 4,
    GCT_ERR_OUT_OF_MEMORY = 5,
};

/// Stream words (GCTEngine `StreamID`: purpose << 24 | index).
#define GCT_STREAM_ORACLE 0x4F000000u /* purpose 'O', index 0 */
#define GCT_STREAM_DEMAND 0x44000000u /* purpose 'D', index = day */

/// Denominator of the market multiplier numerators (20 × 10⁹).
#define GCT_MULTIPLIER_DEN 20000000000ull

// MARK: Oracle-round Monte Carlo

/// A batch of oracle rounds. Validators V − A … V − 1 are the attacker coalition.
/// Options of an oracle batch (gct_oracle_params.options, bit flags; 0: the original kernel).
/// MULTIPLICATIVE: a report is P·(1 + σz)·(1 + b), as the world's validators report, instead of P·(1 + b + σz).
/// DROP_OUTLIERS: the median is taken a second time with the first pass's outliers at weight 0 (the
/// steady state of the world's outlier penalty, under which a group flagged every round loses its weight).
#define GCT_ORACLE_MULTIPLICATIVE 1u
#define GCT_ORACLE_DROP_OUTLIERS 2u

typedef struct gct_oracle_params {
    uint64_t seed;
    uint32_t validators;     ///< V, 3 … 4096
    uint32_t attackers;      ///< A ≤ V
    uint32_t rounds;         ///< R rounds per bias
    uint32_t history;        ///< H past prices in the detector's window, 2 … 4096
    uint32_t minimum_history;///< the detector judges only with H ≥ this (spec: 10)
    uint32_t options;        ///< GCT_ORACLE_* bit flags (0: additive bias, one median)
    int64_t true_price_nanos;///< P, the true price in 10⁻⁹ GCT
    double honest_sd;        ///< relative standard deviation of every report's noise
    double history_sd;       ///< relative standard deviation of the history prices
    int64_t outlier_num;     ///< outlier rule: |v − m| > (num/den)·m + tolerance; den = 0 disables
    int64_t outlier_den;
    int64_t outlier_tolerance_nanos;
    double z_threshold;      ///< spec: 3.0
    double consensus_threshold; ///< spec: 0.6
} gct_oracle_params;

/// One round's outcome.
typedef struct gct_oracle_round_result {
    int64_t median_nanos;     ///< consensus (weighted median); -1 when every weight is 0
    int64_t error_nanos;      ///< median − P
    uint32_t outliers;        ///< reports flagged by the outlier rule
    uint32_t attacker_outliers;
    double z_score;           ///< detector z of the median against the history
    double anomaly_consensus; ///< weight share of reports that are themselves anomalous, same side
    int32_t anomaly;          ///< z > threshold (and H ≥ minimum)
    int32_t manipulation;     ///< anomaly and anomaly_consensus < consensus threshold
} gct_oracle_round_result;

/// Runs `bias_count` × `rounds` rounds; result `b * rounds + r` is round r at bias b. `stake` (base
/// units) and `reputation_ppb` (0 … 10⁹) have V entries each.
int32_t gct_cpu_oracle_batch(const gct_oracle_params* params, const int64_t* stake, const int64_t* reputation_ppb,
                             const double* biases, uint32_t bias_count, gct_oracle_round_result* results);

/// The reports (V) and history (H) of round `round` at `bias`: the input data of gct_cpu_oracle_batch,
/// for checking its consensus against another implementation.
int32_t gct_cpu_oracle_round_data(const gct_oracle_params* params, uint32_t round, double bias, int64_t* reports,
                                  int64_t* history);

// MARK: Token-flow ensemble

/// R replications × D days of the aggregate daily token flow. Rates are num/den with 0 < den < 2³²
/// and num < 2³².
typedef struct gct_tokenflow_params {
    uint64_t seed;
    uint32_t replications;
    uint32_t days;             ///< ≤ 2²⁴ (the day is the demand stream's index)
    double mean_daily_execs;   ///< Poisson mean of executions per day
    int64_t avg_cost;          ///< base units per execution before the market multiplier
    int64_t capacity;          ///< executions per day the market can serve (supply)
    int64_t burn_num, burn_den;
    int64_t mining_num, mining_den;       ///< annual, on total supply at the year's start
    int64_t validator_num, validator_den; ///< annual, on staked supply at the year's start
    int64_t stake_num, stake_den;         ///< daily fraction of circulating supply that is staked
    int64_t initial_supply;
    int64_t initial_staked;
    int64_t cap;               ///< cap on cumulative minted supply
} gct_tokenflow_params;

/// The state after one day (all base units except execs).
typedef struct gct_tokenflow_day {
    int64_t execs;
    int64_t fees;
    int64_t burned;       ///< cumulative
    int64_t minted;       ///< cumulative, genesis included
    int64_t staked;
    int64_t circulating;  ///< minted − burned − staked
    int64_t emission_due; ///< this day's emission due (before the cap)
    int64_t multiplier_num; ///< the day's market multiplier × GCT_MULTIPLIER_DEN
} gct_tokenflow_day;

/// Runs the ensemble. `daily` (R × D entries, replication-major) may be NULL; `final_state` (R) not.
int32_t gct_cpu_tokenflow_ensemble(const gct_tokenflow_params* params, gct_tokenflow_day* daily,
                                   gct_tokenflow_day* final_state);
/// The same on `threads` host threads (0: every core), replications split in contiguous blocks; the
/// results are the same for any number of threads.
int32_t gct_cpu_tokenflow_ensemble_threads(const gct_tokenflow_params* params, int32_t threads,
                                           gct_tokenflow_day* daily, gct_tokenflow_day* final_state);

// MARK: Benchmarks (calibration)

/// Benchmark operation types.
enum {
    GCT_BENCH_MATMUL = 0,   ///< n×n double matrix product; units: floating-point operations (2n³)
    GCT_BENCH_TRIAD = 1,    ///< a = b + s·c over n doubles; units: bytes moved (24n)
    GCT_BENCH_ALLOC = 2,    ///< n allocations and frees of 1 MiB; units: allocations
    GCT_BENCH_TRANSFER = 3, ///< n bytes host → device → host (host: memcpy twice); units: bytes
    GCT_BENCH_COMPILE = 4,  ///< n compilations of a small kernel (hiprtc); units: compilations
    GCT_BENCH_COUNT = 5,
};

typedef struct gct_bench_result {
    double seconds; ///< wall time of the timed part
    double units;   ///< units of work done
    int64_t checksum_bits; ///< bits of a checksum of the output (keeps the work from being optimized away)
} gct_bench_result;

/// Times one benchmark on the host. GCT_ERR_UNSUPPORTED for GCT_BENCH_COMPILE (no compiler on the CPU path).
int32_t gct_cpu_bench(int32_t op, int64_t size, gct_bench_result* result);

// MARK: Known-answer and helper entry points (tests, Swift counterparts)

/// Philox4x32 with `rounds` rounds of counter `ctr` under `key` into `out`.
void gct_cpu_philox4x32(const uint32_t ctr[4], const uint32_t key[2], int32_t rounds, uint32_t out[4]);
/// The first `count` uniforms of stream (seed, replication, stream), as GCTEngine's RandomStream.uniform().
void gct_cpu_stream_uniforms(uint64_t seed, uint32_t replication, uint32_t stream, double* out, int32_t count);
/// One Poisson(mean) draw from a fresh stream (seed, replication, stream): the token-flow demand draw.
int64_t gct_cpu_poisson(uint64_t seed, uint32_t replication, uint32_t stream, double mean);
/// The first `count` standard normals of a fresh stream.
void gct_cpu_stream_normals(uint64_t seed, uint32_t replication, uint32_t stream, double* out, int32_t count);
/// gct_log and gct_exp (fixed polynomials; for tests of their accuracy).
double gct_cpu_log(double x);
double gct_cpu_exp(double x);
/// Nearest-even conversion of the 128-bit value hi·2⁶⁴ + lo (for tests against Swift's Double(UInt128)).
double gct_cpu_u128_to_double(uint64_t hi, uint64_t lo);

/// ABI version of the CPU twins (GCT_KERNELS_ABI_VERSION).
int32_t gct_kernels_abi_version(void);

// MARK: The GPU library (dlopen; these are typedefs, not declarations of symbols in this target)

typedef struct gct_device_info {
    char name[256];
    char arch[64];
    uint64_t total_memory;
    int32_t compute_units;
    int32_t clock_khz;
} gct_device_info;

typedef int32_t (*gct_gpu_abi_version_fn)(void);
/// Number of devices; on failure a status and a one-line reason in `message`.
typedef int32_t (*gct_gpu_device_count_fn)(int32_t* count, char* message, int32_t message_length);
typedef int32_t (*gct_gpu_device_info_fn)(int32_t index, gct_device_info* info);
typedef int32_t (*gct_gpu_oracle_batch_fn)(const gct_oracle_params*, const int64_t*, const int64_t*, const double*,
                                           uint32_t, gct_oracle_round_result*);
typedef int32_t (*gct_gpu_tokenflow_ensemble_fn)(const gct_tokenflow_params*, gct_tokenflow_day*, gct_tokenflow_day*);
typedef int32_t (*gct_gpu_bench_fn)(int32_t op, int64_t size, gct_bench_result* result);
/// The last error of this thread as one line.
typedef int32_t (*gct_gpu_last_error_fn)(char* message, int32_t message_length);

#ifdef __cplusplus
}
#endif
#endif
