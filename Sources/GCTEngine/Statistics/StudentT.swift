#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Quantiles of Student's t distribution, for replication confidence intervals.
///
/// `quantile(_:degreesOfFreedom:)` inverts the exact CDF, `F(t) = 1 - I_x(ν/2, 1/2) / 2` with
/// `x = ν / (ν + t²)` for t > 0, where `I` is the regularized incomplete beta function (evaluated by
/// Lentz's continued fraction), by bisection in x to full double precision. For ν > 10^5 it uses the
/// Cornish-Fisher expansion around the normal quantile (error < 10^-9 there), and for ν = ∞ the normal
/// quantile itself.
public enum StudentT {
    /// The p-quantile of the t distribution with `degreesOfFreedom` degrees of freedom
    /// (e.g. `quantile(0.975, degreesOfFreedom: 9)` ≈ 2.262).
    ///
    /// - Parameters:
    ///   - p: the probability, in (0, 1).
    ///   - degreesOfFreedom: ν > 0, possibly fractional or `.infinity`.
    /// - Returns: t such that P(T <= t) = p.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1, got \(p)")
        precondition(degreesOfFreedom > 0, "degrees of freedom must be positive, got \(degreesOfFreedom)")
        if p == 0.5 { return 0 }
        if p < 0.5 { return -quantile(1 - p, degreesOfFreedom: degreesOfFreedom) }
        let nu = degreesOfFreedom
        if nu > 1e5 {
            let z = normalQuantile(p)
            let z3 = z * z * z
            let z5 = z3 * z * z
            return z + (z3 + z) / (4 * nu) + (5 * z5 + 16 * z3 + 3 * z) / (96 * nu * nu)
        }
        // Solve I_x(ν/2, 1/2) = 2(1 - p) for x; I is increasing in x and t decreases as x grows.
        let target = 2 * (1 - p)
        var low = 0.0
        var high = 1.0
        for _ in 0 ..< 200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            if regularizedIncompleteBeta(nu / 2, 0.5, middle) < target { low = middle } else { high = middle }
        }
        let x = (low + high) / 2
        return (nu * (1 - x) / x).squareRoot()
    }

    /// P(T <= t) for the t distribution with `degreesOfFreedom` degrees of freedom (finite).
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = regularizedIncompleteBeta(nu / 2, 0.5, nu / (nu + t * t)) / 2
        return t > 0 ? 1 - tail : tail
    }

    /// The p-quantile of the standard normal distribution, by bisection on `erfc` to full precision.
    public static func normalQuantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "quantile needs 0 < p < 1, got \(p)")
        var low = -40.0
        var high = 40.0
        for _ in 0 ..< 200 {
            let middle = (low + high) / 2
            if middle == low || middle == high { break }
            // Φ(z) = erfc(-z / √2) / 2
            if erfc(-middle / 2.0.squareRoot()) / 2 < p { low = middle } else { high = middle }
        }
        return (low + high) / 2
    }

    /// I_x(a, b), by the continued fraction of Numerical Recipes' `betai`/`betacf` (modified Lentz).
    internal static func regularizedIncompleteBeta(_ a: Double, _ b: Double, _ x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = lgamma(a + b) - lgamma(a) - lgamma(b) + a * log(x) + b * log1p(-x)
        if x < (a + 1) / (a + b + 2) {
            return exp(logFront) * betaContinuedFraction(a, b, x) / a
        }
        return 1 - exp(logFront) * betaContinuedFraction(b, a, 1 - x) / b
    }

    private static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        func guarded(_ value: Double) -> Double { abs(value) < tiny ? tiny : value }
        var c = 1.0
        var d = 1 / guarded(1 - (a + b) * x / (a + 1))
        var h = d
        for m in 1 ... 100_000 {
            let m = Double(m)
            let even = m * (b - m) * x / ((a - 1 + 2 * m) * (a + 2 * m))
            d = 1 / guarded(1 + even * d)
            c = guarded(1 + even / c)
            h *= d * c
            let odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 1 + 2 * m))
            d = 1 / guarded(1 + odd * d)
            c = guarded(1 + odd / c)
            let step = d * c
            h *= step
            if abs(step - 1) < 1e-16 { break }
        }
        return h
    }
}
