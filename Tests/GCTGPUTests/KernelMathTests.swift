import CGCTKernels
import Foundation
import Testing
import _GCTTestSupport

/// The shared header's own log, exp, 128-bit conversion, normals and Poisson draws.
@Suite("Kernel math: fixed polynomials and exact conversions")
struct KernelMathTests {
    static func ulps(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(b.magnitude.ulp, Double.leastNonzeroMagnitude)
    }

    @Test func logIsWithinTwoUlpsOfTheLibrary() {
        var g = SeededGenerator(seed: 11)
        var worst = 0.0
        for _ in 0 ..< 20_000 {
            let x = Double.random(in: 1e-300 ... 1e300, using: &g) * Double.random(in: 0 ... 1, using: &g)
            guard x > 0, abs(Foundation.log(x)) > 1e-3 else { continue }
            worst = max(worst, Self.ulps(gct_cpu_log(x), Foundation.log(x)))
        }
        for x in [0.5, 2.0, 10.0, 0x1p-1030, 0.999, 1.001] where abs(Foundation.log(x)) > 1e-3 {
            worst = max(worst, Self.ulps(gct_cpu_log(x), Foundation.log(x)))
        }
        #expect(worst <= 2, "worst \(worst) ulp")
        #expect(gct_cpu_log(1) == 0)
    }

    @Test func expIsWithinTwoUlpsOfTheLibrary() {
        var g = SeededGenerator(seed: 12)
        var worst = 0.0
        for _ in 0 ..< 20_000 {
            let x = Double.random(in: -700 ... 700, using: &g)
            worst = max(worst, Self.ulps(gct_cpu_exp(x), Foundation.exp(x)))
        }
        #expect(worst <= 2, "worst \(worst) ulp")
        #expect(gct_cpu_exp(0) == 1)
        #expect(gct_cpu_exp(-800) == 0)
    }

    /// The hand-written UInt128 → Double (the GPU has no `__floatuntidf`) rounds as Swift's `Double(UInt128)`.
    @Test func u128ConversionMatchesSwift() {
        var g = SeededGenerator(seed: 13)
        for i in 0 ..< 50_000 {
            let hi = g.next() >> UInt64(i % 64)
            let lo = g.next()
            let value = UInt128(hi) << 64 | UInt128(lo)
            #expect(gct_cpu_u128_to_double(hi, lo) == Double(value), "hi \(hi) lo \(lo)")
        }
        // Ties: 2⁶⁴ + 2¹¹ lies halfway between 2⁶⁴ and 2⁶⁴ + 2¹²: to even (2⁶⁴).
        #expect(gct_cpu_u128_to_double(1, 1 << 11) == 0x1p64)
        #expect(gct_cpu_u128_to_double(1, 3 << 11) == 0x1p64 + 0x1p13)
    }

    @Test(arguments: [0.5, 3.0, 9.99, 10.0, 250.0, 50_000.0])
    func poissonMomentsMatchTheMean(mean: Double) {
        let n = 20_000
        var sum = 0.0, squares = 0.0
        for r in 0 ..< n {
            let k = Double(gct_cpu_poisson(42, UInt32(r), GCT_STREAM_DEMAND, mean))
            sum += k
            squares += k * k
        }
        let m = sum / Double(n)
        let variance = squares / Double(n) - m * m
        // Mean within 5 standard errors; variance within 10 % of the mean.
        #expect(abs(m - mean) < 5 * (mean / Double(n)).squareRoot(), "mean \(m)")
        #expect(abs(variance - mean) < 0.1 * mean, "variance \(variance)")
    }

    @Test func normalsHaveUnitVariance() {
        var z = [Double](repeating: 0, count: 50_000)
        gct_cpu_stream_normals(3, 0, GCT_STREAM_ORACLE, &z, Int32(z.count))
        let mean = z.reduce(0, +) / Double(z.count)
        let variance = z.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(z.count - 1)
        #expect(abs(mean) < 0.02)
        #expect(abs(variance - 1) < 0.03)
        #expect(z.filter { abs($0) > 3 }.count < 200)  // P(|Z| > 3) = 0.27 %: 135 expected
    }
}
