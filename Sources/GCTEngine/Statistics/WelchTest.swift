/// Welch's unequal-variances t-test of two sample means.
///
/// With sample means x̄₁, x̄₂, variances s₁², s₂² and sizes n₁, n₂:
/// `t = (x̄₂ − x̄₁) / √(s₁²/n₁ + s₂²/n₂)`, with the Welch–Satterthwaite degrees of freedom
/// `ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1))`.
/// The difference is significant at level α (two-sided) when `|t| > t_{1−α/2, ν}`.
public struct WelchTest: Hashable, Sendable {
    /// The t statistic (± ∞ when both variances are zero and the means differ; 0 when they are equal).
    public var t: Double
    /// Welch–Satterthwaite degrees of freedom (∞ when undefined).
    public var degreesOfFreedom: Double
    /// The two-sided critical value `t_{1−α/2, ν}`.
    public var critical: Double
    public var alpha: Double

    /// Compares a baseline sample (mean, sd, n) with a new one.
    ///
    /// - Precondition: both sizes are at least 2 and `0 < alpha < 1`.
    public init(baseline: (mean: Double, sd: Double, n: Int), current: (mean: Double, sd: Double, n: Int), alpha: Double) {
        precondition(baseline.n >= 2 && current.n >= 2, "Welch's t needs at least 2 observations on each side")
        self.alpha = alpha
        let v1 = baseline.sd * baseline.sd / Double(baseline.n)
        let v2 = current.sd * current.sd / Double(current.n)
        let se2 = v1 + v2
        let diff = current.mean - baseline.mean
        if se2 > 0 {
            t = diff / se2.squareRoot()
            let denominator = v1 * v1 / Double(baseline.n - 1) + v2 * v2 / Double(current.n - 1)
            degreesOfFreedom = denominator > 0 ? se2 * se2 / denominator : .infinity
        } else {
            t = diff == 0 ? 0 : (diff > 0 ? .infinity : -.infinity)
            degreesOfFreedom = .infinity
        }
        critical = StudentT.quantile(1 - alpha / 2, degreesOfFreedom: degreesOfFreedom)
    }

    /// `|t| > t_{1−α/2, ν}`.
    public var isSignificant: Bool { abs(t) > critical }
}
