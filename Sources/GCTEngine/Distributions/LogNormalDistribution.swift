#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The lognormal distribution: `exp(X)` with X normal(mu, sigma).
@frozen
public struct LogNormalDistribution: SamplingDistribution {
    /// The mean of the underlying normal.
    public let mu: Double
    /// The standard deviation of the underlying normal.
    public let sigma: Double

    /// Parameterized by the underlying normal: `exp(normal(mu, sigma))`.
    ///
    /// - Precondition: `sigma >= 0`, both finite.
    @inlinable
    public init(mu: Double, sigma: Double) {
        precondition(mu.isFinite && sigma.isFinite && sigma >= 0, "lognormal needs finite mu and sigma >= 0, got \(mu), \(sigma)")
        self.mu = mu
        self.sigma = sigma
    }

    /// The lognormal with the given mean and coefficient of variation (sd / mean) of the values themselves:
    /// `sigma^2 = log(1 + cv^2)`, `mu = log(mean) - sigma^2 / 2`.
    ///
    /// - Precondition: `mean > 0`, `coefficientOfVariation >= 0`.
    @inlinable
    public init(mean: Double, coefficientOfVariation cv: Double) {
        precondition(mean > 0 && mean.isFinite && cv >= 0 && cv.isFinite, "lognormal needs mean > 0 and cv >= 0, got \(mean), \(cv)")
        let variance = log1p(cv * cv)
        self.init(mu: log(mean) - variance / 2, sigma: variance.squareRoot())
    }

    /// `exp(mu + sigma z)`, z standard normal (two 64-bit draws).
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double {
        exp(mu + sigma * NormalDistribution.standardSample(&stream))
    }

    /// exp(mu + sigma^2 / 2)
    public var mean: Double { exp(mu + sigma * sigma / 2) }
    /// (exp(sigma^2) - 1) exp(2 mu + sigma^2)
    public var variance: Double { expm1(sigma * sigma) * exp(2 * mu + sigma * sigma) }
}
