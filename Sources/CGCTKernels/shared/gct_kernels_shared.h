// The GCTSim kernels' shared source: every function here is compiled three times, as the CPU twin
// (Sources/CGCTKernels/gct_kernels_host.cpp, by SwiftPM's clang), as AMD GPU device code and as its
// host-only emulation (gpu/gct_kernels.hip, by hipcc / g++). Same source, same results.
//
// Rules that make CPU and GPU agree bit for bit (docs/gpu.md, "Floating point"):
//  - compiled with -ffp-contract=off everywhere (no fused multiply-add unless written as one);
//  - only integer arithmetic and IEEE-correctly-rounded floating operations (+ − × ÷, sqrt through
//    gct_sqrt, floor, fabs), each in a fixed order; no libm transcendental functions: gct_log and
//    gct_exp below are fixed polynomials built from those operations;
//  - no 128-bit division and no 128-bit ↔ double conversion by the compiler (AMDGPU in clang 15 has
//    no libcalls for them: "unsupported libcall legalization"); gct_u128_div_u64 (Knuth's algorithm D
//    on 32-bit digits, exact) and gct_u128_to_double (correctly rounded) do both by hand;
//  - reductions in a fixed order (one thread owns a whole round or replication).
#ifndef GCT_KERNELS_SHARED_H
#define GCT_KERNELS_SHARED_H

#include <stdint.h>
#include "gct_kernels.h"

#if defined(__HIPCC__) || defined(__CUDACC__) || defined(GCT_HIP_HOST_SHIM)
#define GCT_HD __host__ __device__
#else
#define GCT_HD
#endif

#if !defined(__HIP_DEVICE_COMPILE__)
#include <math.h>
#endif

typedef unsigned __int128 gct_u128;
typedef __int128 gct_i128;

// MARK: - Exact floating-point primitives

/// Correctly rounded square root. On the host, `sqrt` (one `sqrtsd`). On AMD GPUs, HIP's `sqrt(double)`
/// is ROCm's `__ocml_sqrt_f64` (rsq + fma refinement, correctly rounded as OpenCL requires);
/// `__builtin_sqrt` there would be the raw, not correctly rounded, `v_sqrt_f64`, so it is not used.
GCT_HD static inline double gct_sqrt(double x) { return sqrt(x); }
GCT_HD static inline double gct_floor(double x) { return floor(x); }
GCT_HD static inline double gct_fabs(double x) { return x < 0 ? -x : x; }

GCT_HD static inline uint64_t gct_double_bits(double x) {
    union { double d; uint64_t u; } v;
    v.d = x;
    return v.u;
}
GCT_HD static inline double gct_bits_double(uint64_t u) {
    union { double d; uint64_t u; } v;
    v.u = u;
    return v.d;
}
/// 2^e for -1022 <= e <= 1023, exact.
GCT_HD static inline double gct_pow2(int e) { return gct_bits_double((uint64_t)(e + 1023) << 52); }

/// `x` as the nearest double, ties to even (as compiler-rt's `__floatuntidf` and Swift's `Double(UInt128)`).
GCT_HD static inline double gct_u128_to_double(gct_u128 x) {
    uint64_t hi = (uint64_t)(x >> 64);
    if (hi == 0) return (double)(uint64_t)x;  // one correctly rounded 64-bit conversion
    int bits = 128 - __builtin_clzll(hi);      // 65 ... 128
    int shift = bits - 53;                     // keep the top 53 bits
    gct_u128 mant = x >> shift;
    gct_u128 rest = x - (mant << shift);
    gct_u128 half = (gct_u128)1 << (shift - 1);
    if (rest > half || (rest == half && (mant & 1))) mant += 1;  // may carry to 2^53: still exact below
    return (double)(uint64_t)mant * gct_pow2(shift);
}
GCT_HD static inline double gct_i128_to_double(gct_i128 x) {
    return x < 0 ? -gct_u128_to_double((gct_u128)(-x)) : gct_u128_to_double((gct_u128)x);
}

/// `(u1·2^64 + u0) / v` for u1 < v (the quotient fits 64 bits), with the remainder: Knuth's algorithm D
/// on 32-bit digits (Hacker's Delight `divlu`), two 64-bit hardware divisions instead of a 128-step
/// loop. Integer arithmetic only: exact, so the same quotient on every machine as the loop it replaced.
GCT_HD static inline uint64_t gct_divlu(uint64_t u1, uint64_t u0, uint64_t v, uint64_t* remainder) {
#if defined(__x86_64__) && !defined(__HIP_DEVICE_COMPILE__) && !defined(__CUDA_ARCH__)
    // The host's own 128-by-64 division (one `divq`; u1 < v so the quotient fits): the same integers.
    uint64_t q, r;
    __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(u0), "d"(u1), "rm"(v));
    if (remainder) *remainder = r;
    return q;
#endif
    const uint64_t b = 4294967296ull;  // 2^32
    int s = __builtin_clzll(v);        // v > 0; normalise so v's top bit is set
    v <<= s;
    uint64_t vn1 = v >> 32, vn0 = v & 0xFFFFFFFFull;
    uint64_t un32 = s == 0 ? u1 : (u1 << s) | (u0 >> (64 - s));
    uint64_t un10 = u0 << s;
    uint64_t un1 = un10 >> 32, un0 = un10 & 0xFFFFFFFFull;
    uint64_t q1 = un32 / vn1, rhat = un32 - q1 * vn1;
    while (q1 >= b || q1 * vn0 > b * rhat + un1) {
        q1 -= 1;
        rhat += vn1;
        if (rhat >= b) break;
    }
    uint64_t un21 = un32 * b + un1 - q1 * v;
    uint64_t q0 = un21 / vn1;
    rhat = un21 - q0 * vn1;
    while (q0 >= b || q0 * vn0 > b * rhat + un0) {
        q0 -= 1;
        rhat += vn1;
        if (rhat >= b) break;
    }
    if (remainder) *remainder = (un21 * b + un0 - q0 * v) >> s;
    return q1 * b + q0;
}

/// `n / d` rounded down, with the remainder; d > 0. Without 128-bit division (no `__udivti3` on the
/// GPU): the high word by one 64-bit division, then `gct_divlu` for the rest.
GCT_HD static inline gct_u128 gct_u128_div_u64(gct_u128 n, uint64_t d, uint64_t* remainder) {
    uint64_t hi = (uint64_t)(n >> 64), lo = (uint64_t)n;
    if (hi == 0) {
        if (remainder) *remainder = lo % d;
        return lo / d;
    }
    uint64_t qhi = hi / d;
    uint64_t qlo = gct_divlu(hi - qhi * d, lo, d, remainder);
    return ((gct_u128)qhi << 64) | qlo;
}
/// `floor(a × b / d)` for non-negative a, b and d > 0 (128-bit intermediate; a × b < 2^128).
GCT_HD static inline int64_t gct_mul_div_down(uint64_t a, uint64_t b, uint64_t d) {
    return (int64_t)gct_u128_div_u64((gct_u128)a * b, d, 0);
}
/// `ceil(a × b / d)`.
GCT_HD static inline int64_t gct_mul_div_up(uint64_t a, uint64_t b, uint64_t d) {
    uint64_t r = 0;
    gct_u128 q = gct_u128_div_u64((gct_u128)a * b, d, &r);
    return (int64_t)(q + (r != 0 ? 1 : 0));
}

/// Natural logarithm for finite x > 0, from + − × ÷ only: x = m·2^e with m in [√½, √2),
/// log m = 2·atanh(f), f = (m − 1)/(m + 1), |f| ≤ 0.1716, by its odd series to f^25 (Horner),
/// then e·ln2 in two parts. Accurate to about 1 ulp; identical on every IEEE machine.
GCT_HD static inline double gct_log(double x) {
    int e = 0;
    if (x < 2.2250738585072014e-308) {  // subnormal: scale up exactly
        x *= 18014398509481984.0;        // 2^54
        e = -54;
    }
    uint64_t bits = gct_double_bits(x);
    e += (int)((bits >> 52) & 0x7FF) - 1023;
    double m = gct_bits_double((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);  // [1, 2)
    if (m > 1.4142135623730951) { m *= 0.5; e += 1; }
    double f = (m - 1.0) / (m + 1.0);
    double f2 = f * f;
    // 1/(2k+1) for k = 12 ... 1
    double s = 1.0 / 25.0;
    s = s * f2 + 1.0 / 23.0;
    s = s * f2 + 1.0 / 21.0;
    s = s * f2 + 1.0 / 19.0;
    s = s * f2 + 1.0 / 17.0;
    s = s * f2 + 1.0 / 15.0;
    s = s * f2 + 1.0 / 13.0;
    s = s * f2 + 1.0 / 11.0;
    s = s * f2 + 1.0 / 9.0;
    s = s * f2 + 1.0 / 7.0;
    s = s * f2 + 1.0 / 5.0;
    s = s * f2 + 1.0 / 3.0;
    double logm = 2.0 * f + 2.0 * f * f2 * s;
    const double ln2Hi = 6.93147180369123816490e-01;  // fdlibm's split of ln 2
    const double ln2Lo = 1.90821492927058770002e-10;
    double de = (double)e;
    return de * ln2Hi + (de * ln2Lo + logm);
}

/// e^x from + − × ÷ only: x = k·ln2 + r, |r| ≤ ½ln2, e^r by its Taylor series to r^14, scaled by 2^k.
/// Underflows to 0 below −745, overflows to +∞ above 709.
GCT_HD static inline double gct_exp(double x) {
    if (x < -745.0) return 0.0;
    if (x > 709.0) return __builtin_inf();
    const double ln2Hi = 6.93147180369123816490e-01;
    const double ln2Lo = 1.90821492927058770002e-10;
    const double invLn2 = 1.44269504088896338700e+00;
    double kd = gct_floor(x * invLn2 + 0.5);
    double r = (x - kd * ln2Hi) - kd * ln2Lo;
    double p = 1.0 / 87178291200.0;  // 1/14!
    const double inv[14] = {1.0 / 6227020800.0, 1.0 / 479001600.0, 1.0 / 39916800.0, 1.0 / 3628800.0,
                            1.0 / 362880.0,     1.0 / 40320.0,     1.0 / 5040.0,     1.0 / 720.0,
                            1.0 / 120.0,        1.0 / 24.0,        1.0 / 6.0,        1.0 / 2.0,
                            1.0,                1.0};
    for (int i = 0; i < 14; ++i) p = p * r + inv[i];
    int k = (int)kd;
    // Scale in two steps so that 2^k never over- or underflows on its own.
    int k1 = k / 2, k2 = k - k1;
    return p * gct_pow2(k1) * gct_pow2(k2);
}

// MARK: - Philox4x32-10 and the engine's stream layout

#define GCT_PHILOX_M0 0xD2511F53u
#define GCT_PHILOX_M1 0xCD9E8D57u
#define GCT_PHILOX_W0 0x9E3779B9u
#define GCT_PHILOX_W1 0xBB67AE85u

/// Philox4x32 with `rounds` rounds (Random123 `philox4x32_R`); 10 is the standard.
GCT_HD static inline void gct_philox4x32(const uint32_t ctr[4], const uint32_t key[2], int rounds, uint32_t out[4]) {
    uint32_t x0 = ctr[0], x1 = ctr[1], x2 = ctr[2], x3 = ctr[3];
    uint32_t k0 = key[0], k1 = key[1];
    for (int i = 0; i < rounds; ++i) {
        if (i > 0) { k0 += GCT_PHILOX_W0; k1 += GCT_PHILOX_W1; }
        uint64_t p0 = (uint64_t)GCT_PHILOX_M0 * x0;
        uint64_t p1 = (uint64_t)GCT_PHILOX_M1 * x2;
        uint32_t y0 = (uint32_t)(p1 >> 32) ^ x1 ^ k0;
        uint32_t y1 = (uint32_t)p1;
        uint32_t y2 = (uint32_t)(p0 >> 32) ^ x3 ^ k1;
        uint32_t y3 = (uint32_t)p0;
        x0 = y0; x1 = y1; x2 = y2; x3 = y3;
    }
    out[0] = x0; out[1] = x1; out[2] = x2; out[3] = x3;
}

/// One stream, laid out exactly as GCTEngine's `RandomStream`: key = (seed lo, seed hi); block b is
/// Philox4x32-10 of counter (b lo, b hi, replication, stream); words handed out in order; a 64-bit
/// draw takes an aligned pair `w0 | w1 << 32` or `w2 | w3 << 32`; `uniform` is `(bits >> 11)·2^-53`
/// with 0 rejected.
typedef struct gct_stream {
    uint32_t key[2];
    uint32_t replication;
    uint32_t stream;
    uint64_t next_block;
    uint32_t buffer[4];
    int position;
} gct_stream;

GCT_HD static inline gct_stream gct_stream_make(uint64_t seed, uint32_t replication, uint32_t stream) {
    gct_stream s;
    s.key[0] = (uint32_t)seed;
    s.key[1] = (uint32_t)(seed >> 32);
    s.replication = replication;
    s.stream = stream;
    s.next_block = 0;
    s.buffer[0] = s.buffer[1] = s.buffer[2] = s.buffer[3] = 0;
    s.position = 4;
    return s;
}
GCT_HD static inline void gct_stream_refill(gct_stream* s) {
    uint32_t ctr[4] = {(uint32_t)s->next_block, (uint32_t)(s->next_block >> 32), s->replication, s->stream};
    gct_philox4x32(ctr, s->key, 10, s->buffer);
    s->next_block += 1;
    s->position = 0;
}
GCT_HD static inline uint32_t gct_stream_next32(gct_stream* s) {
    if (s->position >= 4) gct_stream_refill(s);
    return s->buffer[s->position++];
}
GCT_HD static inline uint64_t gct_stream_next64(gct_stream* s) {
    if (s->position > 2) gct_stream_refill(s);
    else if (s->position & 1) s->position += 1;
    uint64_t w = (uint64_t)s->buffer[s->position] | ((uint64_t)s->buffer[s->position + 1] << 32);
    s->position += 2;
    return w;
}
/// Uniform in (0, 1) on the grid k/2^53.
GCT_HD static inline double gct_stream_uniform(gct_stream* s) {
    for (;;) {
        uint64_t k = gct_stream_next64(s) >> 11;
        if (k != 0) return (double)k * (1.0 / 9007199254740992.0);
    }
}

/// A standard normal by Marsaglia's polar method (no sine or cosine): pairs (u, v) uniform in the
/// square until 0 < s = u² + v² < 1, then u·√(−2 log s / s). The second variate is dropped so each
/// call's draws depend only on the stream.
GCT_HD static inline double gct_stream_normal(gct_stream* st) {
    for (;;) {
        double u = 2.0 * gct_stream_uniform(st) - 1.0;
        double v = 2.0 * gct_stream_uniform(st) - 1.0;
        double s = u * u + v * v;
        if (s >= 1.0 || s == 0.0) continue;
        return u * gct_sqrt(-2.0 * gct_log(s) / s);
    }
}

/// log Γ(x) for x ≥ 1 (numpy's `random_loggam`: Stirling series after shifting x up to 7).
GCT_HD static inline double gct_loggam(double x) {
    const double a[10] = {8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
                          -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
                          6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
                          -1.39243221690590e+00};
    if (x == 1.0 || x == 2.0) return 0.0;
    int64_t n = x < 7.0 ? (int64_t)(7.0 - x) : 0;
    double x0 = x + (double)n;
    double x2 = (1.0 / x0) * (1.0 / x0);
    double gl0 = a[9];
    for (int k = 8; k >= 0; --k) { gl0 *= x2; gl0 += a[k]; }
    const double halfLog2Pi = 0.9189385332046728;  // ½ log 2π
    double gl = gl0 / x0 + halfLog2Pi + (x0 - 0.5) * gct_log(x0) - x0;
    if (x < 7.0) {
        for (int64_t k = 1; k <= n; ++k) { gl -= gct_log(x0 - 1.0); x0 -= 1.0; }
    }
    return gl;
}

/// The constants of a Poisson(mean) draw, which depend on the mean only: computed once for many draws
/// of one mean (the token-flow ensemble draws the same mean every day), with the same operations as
/// before, so every count is unchanged.
typedef struct gct_poisson_consts {
    double mean;
    double exp_minus_mean;  ///< mean < 10: e^−mean
    double slam, loglam, b, a, log_inv_alpha, vr;  ///< mean ≥ 10: PTRS
} gct_poisson_consts;

GCT_HD static inline gct_poisson_consts gct_poisson_prepare(double mean) {
    gct_poisson_consts c;
    c.mean = mean;
    c.exp_minus_mean = 0.0;
    c.slam = c.loglam = c.b = c.a = c.log_inv_alpha = c.vr = 0.0;
    if (!(mean > 0.0)) return c;
    if (mean < 10.0) {
        c.exp_minus_mean = gct_exp(-mean);
        return c;
    }
    c.slam = gct_sqrt(mean);
    c.loglam = gct_log(mean);
    c.b = 0.931 + 2.53 * c.slam;
    c.a = -0.059 + 0.02483 * c.b;
    c.log_inv_alpha = gct_log(1.1239 + 1.1328 / (c.b - 3.4));
    c.vr = 0.9277 - 3.6224 / (c.b - 2.0);
    return c;
}

/// A Poisson(mean) count: sequential inversion below mean 10 (one uniform), Hörmann's PTRS from 10
/// (as numpy and GCTEngine's `PoissonDistribution`, but with gct_log / gct_exp / gct_loggam so every
/// machine draws the same count). `c` from `gct_poisson_prepare(mean)`.
GCT_HD static inline int64_t gct_poisson_prepared(gct_stream* st, const gct_poisson_consts* c) {
    const double mean = c->mean;
    if (!(mean > 0.0)) return 0;
    if (mean < 10.0) {
        double u = gct_stream_uniform(st);
        int64_t k = 0;
        double p = c->exp_minus_mean;
        double cu = p;
        while (u > cu && p > 0.0) {
            k += 1;
            p *= mean / (double)k;
            cu += p;
        }
        return k;
    }
    const double loglam = c->loglam, b = c->b, a = c->a, logInvAlpha = c->log_inv_alpha, vr = c->vr;
    for (;;) {
        double u = gct_stream_uniform(st) - 0.5;
        double v = gct_stream_uniform(st);
        double us = 0.5 - gct_fabs(u);
        double kd = gct_floor((2.0 * a / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr) return (int64_t)kd;
        if (kd < 0.0 || (us < 0.013 && v > us)) continue;
        if (gct_log(v) + logInvAlpha - gct_log(a / (us * us) + b) <= -mean + kd * loglam - gct_loggam(kd + 1.0))
            return (int64_t)kd;
    }
}

/// A Poisson(mean) count (`gct_poisson_prepared` with the constants of `mean`).
GCT_HD static inline int64_t gct_poisson(gct_stream* st, double mean) {
    gct_poisson_consts c = gct_poisson_prepare(mean);
    return gct_poisson_prepared(st, &c);
}

// MARK: - Oracle round (PRD-010 aggregate_with_consensus + detect_price_manipulation)

/// Weighted median of `values` under `weights` (GCTEconomics `WeightedMedian`, departures row P6):
/// zero weights dropped; sorted by value, ties by validator index; first k with 2·C_k ≥ W; on an exact
/// even split the midpoint of v_k and the next value, rounded half to even. `order` is scratch for n
/// indices. Returns -1 when the total weight is 0.
GCT_HD static inline int64_t gct_weighted_median(const int64_t* values, const gct_u128* weights, uint32_t n,
                                                 uint32_t* order) {
    uint32_t m = 0;
    for (uint32_t i = 0; i < n; ++i) {
        if (weights[i] == 0) continue;
        // insertion sort by (value, index): stable and the same on every machine
        uint32_t j = m;
        while (j > 0 && values[order[j - 1]] > values[i]) { order[j] = order[j - 1]; --j; }
        order[j] = i;
        ++m;
    }
    gct_u128 total = 0;
    for (uint32_t j = 0; j < m; ++j) total += weights[order[j]];
    if (total == 0) return -1;
    gct_u128 cumulative = 0;
    for (uint32_t j = 0; j < m; ++j) {
        cumulative += weights[order[j]];
        if (cumulative < total - cumulative) continue;
        int64_t v = values[order[j]];
        if (cumulative == total - cumulative && j + 1 < m) {
            uint64_t sum = (uint64_t)v + (uint64_t)values[order[j + 1]];
            uint64_t mid = sum >> 1;
            if ((sum & 1) && (mid & 1)) mid += 1;  // half to even
            return (int64_t)mid;
        }
        return v;
    }
    return values[order[m - 1]];
}

/// `OutlierRule.isOutlier`: |v − m|·k.d > k.n·m + tol·k.d (exact); never when k.d == 0 (disabled).
GCT_HD static inline int gct_is_outlier(int64_t v, int64_t m, int64_t kNum, int64_t kDen, int64_t tol) {
    if (kDen == 0) return 0;
    uint64_t dev = (uint64_t)(v > m ? v - m : m - v);
    gct_u128 lhs = (gct_u128)dev * (uint64_t)kDen;
    gct_u128 rhs = (gct_u128)(uint64_t)kNum * (uint64_t)m + (gct_u128)(uint64_t)tol * (uint64_t)kDen;
    return lhs > rhs;
}

/// `ManipulationDetector.statistics`: mean and sample std (n − 1) of base-unit prices; flat exactly.
typedef struct gct_price_stats {
    double mean;
    double std;
    int flat;
    int64_t flat_price;
} gct_price_stats;

GCT_HD static inline gct_price_stats gct_price_statistics(const int64_t* prices, uint32_t n) {
    gct_price_stats s;
    int flat = 1;
    gct_i128 sum = 0;
    for (uint32_t i = 0; i < n; ++i) {
        sum += prices[i];
        if (prices[i] != prices[0]) flat = 0;
    }
    if (flat) {
        s.mean = (double)prices[0];
        s.std = 0.0;
        s.flat = 1;
        s.flat_price = prices[0];
        return s;
    }
    double dn = (double)n;
    double mean = gct_i128_to_double(sum) / dn;
    double ss = 0.0;
    for (uint32_t i = 0; i < n; ++i) {
        double d = (double)prices[i] - mean;
        ss += d * d;
    }
    s.mean = mean;
    s.std = gct_sqrt(ss / (dn - 1.0));
    s.flat = 0;
    s.flat_price = 0;
    return s;
}

/// `ManipulationDetector.zScore`: |p − mean| / std; flat history: 0 at the flat price, +∞ elsewhere.
GCT_HD static inline double gct_z_score(int64_t p, gct_price_stats s) {
    if (s.flat) return p == s.flat_price ? 0.0 : __builtin_inf();
    return gct_fabs((double)p - s.mean) / s.std;
}

/// The validator index of attacker j of A among V: the last A validators form the coalition.
GCT_HD static inline int gct_is_attacker(uint32_t i, uint32_t validators, uint32_t attackers) {
    return i >= validators - attackers;
}

/// A reported price: round(P × (1 + bias + sd·z)) in nanos, half up, not below 0.
GCT_HD static inline int64_t gct_noisy_price(int64_t truePrice, double bias, double sd, double z) {
    double x = (double)truePrice * (1.0 + bias + sd * z);
    double r = gct_floor(x + 0.5);
    if (!(r > 0.0)) return 0;
    if (r >= 9.2e18) return (int64_t)9200000000000000000LL;
    return (int64_t)r;
}

/// A report under the multiplicative form: round(P × (1 + sd·z) × (1 + bias)) in nanos, half up, not
/// below 0 (the world's validators: `truth × (1 + noise·z) × (1 + bias)`).
GCT_HD static inline int64_t gct_noisy_price_scaled(int64_t truePrice, double bias, double sd, double z) {
    double x = (double)truePrice * (1.0 + sd * z) * (1.0 + bias);
    double r = gct_floor(x + 0.5);
    if (!(r > 0.0)) return 0;
    if (r >= 9.2e18) return (int64_t)9200000000000000000LL;
    return (int64_t)r;
}

/// The reports and price history of round `round` (the Monte Carlo's input data). Draws, in order, from
/// stream (seed, replication = round, stream = GCT_STREAM_ORACLE): V normals for the reports, then H
/// normals for the history, so every bias of a batch sees the same noise (common random numbers).
GCT_HD static inline void gct_oracle_round_data(const gct_oracle_params* p, uint32_t round, double bias,
                                                int64_t* reports, int64_t* history) {
    gct_stream st = gct_stream_make(p->seed, round, GCT_STREAM_ORACLE);
    for (uint32_t i = 0; i < p->validators; ++i) {
        double z = gct_stream_normal(&st);
        double b = gct_is_attacker(i, p->validators, p->attackers) ? bias : 0.0;
        reports[i] = (p->options & GCT_ORACLE_MULTIPLICATIVE) ? gct_noisy_price_scaled(p->true_price_nanos, b, p->honest_sd, z)
                                                             : gct_noisy_price(p->true_price_nanos, b, p->honest_sd, z);
    }
    for (uint32_t h = 0; h < p->history; ++h) {
        double z = gct_stream_normal(&st);
        history[h] = gct_noisy_price(p->true_price_nanos, 0.0, p->history_sd, z);
    }
}

/// One oracle round: the consensus median of the reports under reputation × stake weights, the outlier
/// flags, and the detector's z-score, anomaly consensus and verdict for the median as the new price.
/// `scratch_values` holds V + H int64, `scratch_weights` V u128, `scratch_order` V uint32.
GCT_HD static inline void gct_oracle_round(const gct_oracle_params* p, const int64_t* stake, const int64_t* reputation,
                                           uint32_t round, double bias, int64_t* scratchValues,
                                           gct_u128* scratchWeights, uint32_t* scratchOrder,
                                           gct_oracle_round_result* out) {
    const uint32_t V = p->validators;
    int64_t* reports = scratchValues;
    int64_t* history = scratchValues + V;
    gct_oracle_round_data(p, round, bias, reports, history);
    for (uint32_t i = 0; i < V; ++i) {
        int64_t s = stake[i] > 0 ? stake[i] : 0;
        scratchWeights[i] = (gct_u128)(uint64_t)reputation[i] * (uint64_t)s;
    }
    int64_t median = gct_weighted_median(reports, scratchWeights, V, scratchOrder);
    out->median_nanos = median;
    out->error_nanos = median - p->true_price_nanos;
    uint32_t outliers = 0, attackerOutliers = 0;
    if (median >= 0) {
        for (uint32_t i = 0; i < V; ++i) {
            if (gct_is_outlier(reports[i], median, p->outlier_num, p->outlier_den, p->outlier_tolerance_nanos)) {
                ++outliers;
                if (gct_is_attacker(i, V, p->attackers)) ++attackerOutliers;
            }
        }
    }
    out->outliers = outliers;
    out->attacker_outliers = attackerOutliers;
    if ((p->options & GCT_ORACLE_DROP_OUTLIERS) && median >= 0 && outliers > 0 && outliers < V) {
        // Second pass: the outliers at weight 0 (they stay 0 for the anomaly consensus below).
        for (uint32_t i = 0; i < V; ++i)
            if (gct_is_outlier(reports[i], median, p->outlier_num, p->outlier_den, p->outlier_tolerance_nanos))
                scratchWeights[i] = 0;
        int64_t second = gct_weighted_median(reports, scratchWeights, V, scratchOrder);
        if (second >= 0) {
            median = second;
            out->median_nanos = median;
            out->error_nanos = median - p->true_price_nanos;
        }
    }
    // Detector: the history window holds H ≥ 2 points; the new price is the consensus median.
    gct_price_stats s = gct_price_statistics(history, p->history);
    double z = gct_z_score(median, s);
    int up = (double)median > s.mean;
    double total = 0.0, agreeing = 0.0;
    for (uint32_t i = 0; i < V; ++i) {
        double w = gct_u128_to_double(scratchWeights[i]);
        total += w;
        if (gct_z_score(reports[i], s) > p->z_threshold && (((double)reports[i] > s.mean) == up)) agreeing += w;
    }
    double consensus = total > 0.0 ? agreeing / total : 0.0;
    out->z_score = z;
    out->anomaly_consensus = consensus;
    out->anomaly = (median >= 0 && p->history >= p->minimum_history && z > p->z_threshold) ? 1 : 0;
    out->manipulation = (out->anomaly && consensus < p->consensus_threshold) ? 1 : 0;
}

// MARK: - Token-flow ensemble (aggregate daily model)

/// An emission schedule's state (GCTEconomics `EmissionSchedule`, in whole days: a year is 365 days).
/// `due_this_year` is floor(basis × n × elapsed / (d × 365)); `remainder` is that division's remainder
/// and `elapsed` its day count, so the next day's amount is one addition (`step_q`, `step_r`: the
/// quotient and remainder of basis × n / (d × 365)) instead of a 128-bit division. Both ways give the
/// same integer.
typedef struct gct_emission_state {
    int64_t year_start_day;
    int64_t basis;
    int64_t due_this_year;
    int64_t elapsed;      ///< days of this year in due_this_year (0: nothing computed yet)
    uint64_t remainder;   ///< basis × n × elapsed mod (d × 365)
    gct_u128 step_q;      ///< basis × n div (d × 365), for the current basis (valid when elapsed > 0)
    uint64_t step_r;      ///< basis × n mod (d × 365)
} gct_emission_state;

GCT_HD static inline gct_emission_state gct_emission_make(int64_t basis) {
    gct_emission_state e;
    e.year_start_day = 0;
    e.basis = basis;
    e.due_this_year = 0;
    e.elapsed = 0;
    e.remainder = 0;
    e.step_q = 0;
    e.step_r = 0;
    return e;
}

/// `floor(basis × n / d)`.
GCT_HD static inline int64_t gct_annual_amount(int64_t basis, int64_t n, int64_t d) {
    return basis > 0 ? gct_mul_div_down((uint64_t)basis, (uint64_t)n, (uint64_t)d) : 0;
}

/// `EmissionSchedule.advance(to:)` up to the end of day `t` (t days since the start); `newBasis` is
/// the basis of any year that begins (read once per crossed boundary, before this call's emission).
GCT_HD static inline int64_t gct_emission_advance(gct_emission_state* e, int64_t t, int64_t n, int64_t d,
                                                  int64_t newBasis) {
    int64_t newly = 0;
    while (t >= e->year_start_day + 365) {
        newly += gct_annual_amount(e->basis, n, d) - e->due_this_year;
        e->year_start_day += 365;
        e->due_this_year = 0;
        e->basis = newBasis;
        e->elapsed = 0;
        e->remainder = 0;
    }
    int64_t elapsed = t - e->year_start_day;
    if (elapsed > 0 && e->basis > 0) {
        const uint64_t yearDen = (uint64_t)d * 365u;
        int64_t cumulative;
        if (e->elapsed > 0 && elapsed == e->elapsed + 1) {
            // one more day: add basis × n / (d × 365) as quotient and remainder, carrying
            gct_u128 q = (gct_u128)(uint64_t)e->due_this_year + e->step_q;
            uint64_t r = e->remainder + e->step_r;  // both < yearDen < 2^41: no overflow
            if (r >= yearDen) { r -= yearDen; q += 1; }
            cumulative = (int64_t)q;
            e->remainder = r;
        } else {
            if (e->elapsed == 0) {  // a new year (or basis): the day's step
                uint64_t stepR = 0;
                e->step_q = gct_u128_div_u64((gct_u128)(uint64_t)e->basis * (uint64_t)n, yearDen, &stepR);
                e->step_r = stepR;
            }
            gct_u128 a = (gct_u128)(uint64_t)e->basis * (uint64_t)n * (uint64_t)elapsed;
            uint64_t r = 0;
            cumulative = (int64_t)gct_u128_div_u64(a, yearDen, &r);
            e->remainder = r;
        }
        e->elapsed = elapsed;
        newly += cumulative - e->due_this_year;
        e->due_this_year = cumulative;
    }
    return newly;
}

/// The market multiplier (GCTEconomics `MarketMultiplier`, `fixed` mode, default slopes; departures
/// row P1) as a numerator over GCT_MULTIPLIER_DEN = 20·10⁹, for a ratio r in nanos:
///   r > 2:   max(0.8 − (r − 2)·0.05, 0.6) = max(18s − r, 12s) / 20s
///   r < 0.5: min(1.1 + (0.5 − r)·3.8, 3)  = (60s − 76r) / 20s   (≤ 3 for r ≥ 0)
///   else:    1 + (1 − r)·0.2              = (24s − 4r) / 20s
GCT_HD static inline int64_t gct_multiplier_num(int64_t r) {
    const int64_t s = 1000000000;
    if (r > 2 * s) {
        int64_t v = 18 * s - r;
        return v > 12 * s ? v : 12 * s;
    }
    if (r < s / 2) return 60 * s - 76 * r;
    return 24 * s - 4 * r;
}

/// The supply/demand ratio capacity / max(execs, 1) in nanos, rounded down, at most 9·10⁹·10⁹ nanos.
GCT_HD static inline int64_t gct_ratio_nanos(int64_t capacity, int64_t execs) {
    int64_t d = execs > 1 ? execs : 1;
    return gct_mul_div_down((uint64_t)capacity, 1000000000u, (uint64_t)d);
}

/// The state of one replication.
typedef struct gct_tokenflow_state {
    int64_t minted;
    int64_t burned;
    int64_t staked;
    gct_emission_state mining;
    gct_emission_state validator;
} gct_tokenflow_state;

GCT_HD static inline gct_tokenflow_state gct_tokenflow_init(const gct_tokenflow_params* p) {
    gct_tokenflow_state s;
    s.minted = p->initial_supply;
    s.burned = 0;
    s.staked = p->initial_staked;
    s.mining = gct_emission_make(p->initial_supply);
    s.validator = gct_emission_make(p->initial_staked);
    return s;
}

/// Day `day` (0-based) of replication `rep`. Order: demand, fees, burn, staking flow, mining emission,
/// validator emission (both within the cap on cumulative minted supply, departures row D3).
/// `poisson` is `gct_poisson_prepare(p->mean_daily_execs)`, computed once per ensemble.
GCT_HD static inline gct_tokenflow_day gct_tokenflow_step_prepared(const gct_tokenflow_params* p,
                                                                   const gct_poisson_consts* poisson,
                                                                   gct_tokenflow_state* s, uint32_t rep, uint32_t day) {
    gct_tokenflow_day out;
    // 1. demand: Poisson(mean) from the day's own stream
    gct_stream st = gct_stream_make(p->seed, rep, GCT_STREAM_DEMAND | (day & 0xFFFFFFu));
    int64_t execs = gct_poisson_prepared(&st, poisson);
    // 2. fees = execs × avg_cost × multiplier, rounded up
    int64_t ratio = gct_ratio_nanos(p->capacity, execs);
    int64_t mult = gct_multiplier_num(ratio);
    int64_t gross = execs * p->avg_cost;
    int64_t fees = gct_mul_div_up((uint64_t)gross, (uint64_t)mult, GCT_MULTIPLIER_DEN);
    // 3. burn = fees × burn_rate, rounded down, and never more than circulates
    int64_t circulating = s->minted - s->burned - s->staked;
    int64_t burn = gct_mul_div_down((uint64_t)fees, (uint64_t)p->burn_num, (uint64_t)p->burn_den);
    if (burn > circulating) burn = circulating;
    s->burned += burn;
    circulating -= burn;
    // 4. staking flow: circulating × stake_rate, rounded down
    int64_t moved = gct_mul_div_down((uint64_t)circulating, (uint64_t)p->stake_num, (uint64_t)p->stake_den);
    s->staked += moved;
    // 5. emissions due at the end of the day, minted within the cap
    int64_t t = (int64_t)day + 1;
    int64_t miningDue = gct_emission_advance(&s->mining, t, p->mining_num, p->mining_den, s->minted - s->burned);
    int64_t headroom = p->cap - s->minted;
    int64_t miningMinted = miningDue < headroom ? miningDue : headroom;
    if (miningMinted < 0) miningMinted = 0;
    s->minted += miningMinted;
    int64_t validatorDue = gct_emission_advance(&s->validator, t, p->validator_num, p->validator_den, s->staked);
    headroom = p->cap - s->minted;
    int64_t validatorMinted = validatorDue < headroom ? validatorDue : headroom;
    if (validatorMinted < 0) validatorMinted = 0;
    s->minted += validatorMinted;
    s->staked += validatorMinted;  // validator rewards compound into stake
    out.execs = execs;
    out.fees = fees;
    out.burned = s->burned;
    out.minted = s->minted;
    out.staked = s->staked;
    out.circulating = s->minted - s->burned - s->staked;
    out.emission_due = miningDue + validatorDue;
    out.multiplier_num = mult;
    return out;
}

/// Day `day` of replication `rep` (`gct_tokenflow_step_prepared` with the Poisson constants of the day).
GCT_HD static inline gct_tokenflow_day gct_tokenflow_step(const gct_tokenflow_params* p, gct_tokenflow_state* s,
                                                          uint32_t rep, uint32_t day) {
    gct_poisson_consts c = gct_poisson_prepare(p->mean_daily_execs);
    return gct_tokenflow_step_prepared(p, &c, s, rep, day);
}

#endif

// MARK: - Argument checks (host side of both libraries)

#ifndef GCT_KERNELS_VALIDATE_H
#define GCT_KERNELS_VALIDATE_H
static inline int gct_rate_ok(int64_t n, int64_t d) {
    return n >= 0 && d > 0 && n < 4294967296LL && d < 4294967296LL;
}
/// GCT_OK or GCT_ERR_INVALID_ARGUMENT for oracle parameters.
static inline int32_t gct_validate_oracle(const gct_oracle_params* p, const int64_t* stake, const int64_t* rep) {
    if (!p || !stake || !rep) return GCT_ERR_INVALID_ARGUMENT;
    if (p->validators < 3 || p->validators > 4096 || p->attackers > p->validators) return GCT_ERR_INVALID_ARGUMENT;
    if (p->history < 2 || p->history > 4096 || p->true_price_nanos <= 0) return GCT_ERR_INVALID_ARGUMENT;
    if ((p->options & ~(GCT_ORACLE_MULTIPLICATIVE | GCT_ORACLE_DROP_OUTLIERS)) != 0) return GCT_ERR_INVALID_ARGUMENT;
    if (!(p->honest_sd >= 0.0) || !(p->history_sd >= 0.0) || p->honest_sd > 1e6 || p->history_sd > 1e6)
        return GCT_ERR_INVALID_ARGUMENT;
    if (p->outlier_den < 0 || p->outlier_num < 0 || p->outlier_tolerance_nanos < 0) return GCT_ERR_INVALID_ARGUMENT;
    if (p->outlier_den > 0 && (p->outlier_num >= 4294967296LL || p->outlier_den >= 4294967296LL))
        return GCT_ERR_INVALID_ARGUMENT;
    for (uint32_t i = 0; i < p->validators; ++i)
        if (rep[i] < 0 || rep[i] > 1000000000LL) return GCT_ERR_INVALID_ARGUMENT;
    return GCT_OK;
}
/// GCT_OK or GCT_ERR_INVALID_ARGUMENT for token-flow parameters (bounds keep every product in 128 bits
/// and every amount in 63).
static inline int32_t gct_validate_tokenflow(const gct_tokenflow_params* p) {
    if (!p) return GCT_ERR_INVALID_ARGUMENT;
    if (p->days > (1u << 24)) return GCT_ERR_INVALID_ARGUMENT;
    if (!(p->mean_daily_execs >= 0.0) || p->mean_daily_execs > 1e9) return GCT_ERR_INVALID_ARGUMENT;
    if (p->avg_cost < 0 || p->avg_cost > 1000000000000000LL) return GCT_ERR_INVALID_ARGUMENT;  // 10⁶ GCT
    if (p->capacity < 0 || p->capacity > 9000000000LL) return GCT_ERR_INVALID_ARGUMENT;
    if (!gct_rate_ok(p->burn_num, p->burn_den) || p->burn_num > p->burn_den) return GCT_ERR_INVALID_ARGUMENT;
    if (!gct_rate_ok(p->mining_num, p->mining_den) || !gct_rate_ok(p->validator_num, p->validator_den))
        return GCT_ERR_INVALID_ARGUMENT;
    if (!gct_rate_ok(p->stake_num, p->stake_den) || p->stake_num > p->stake_den) return GCT_ERR_INVALID_ARGUMENT;
    if (p->initial_supply < 0 || p->initial_staked < 0 || p->initial_staked > p->initial_supply)
        return GCT_ERR_INVALID_ARGUMENT;
    if (p->cap < p->initial_supply || p->cap > 4000000000000000000LL) return GCT_ERR_INVALID_ARGUMENT;
    return GCT_OK;
}
#endif
