#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The exponential distribution: waiting times of a Poisson process.
@frozen
public struct ExponentialDistribution: SamplingDistribution {
    /// The mean waiting time, 1 / rate.
    public let meanValue: Double

    /// - Precondition: `mean > 0` and finite.
    @inlinable
    public init(mean: Double) {
        precondition(mean > 0 && mean.isFinite, "exponential needs a positive finite mean, got \(mean)")
        meanValue = mean
    }

    /// - Precondition: `rate > 0` and finite.
    @inlinable
    public init(rate: Double) {
        precondition(rate > 0 && rate.isFinite, "exponential needs a positive finite rate, got \(rate)")
        meanValue = 1 / rate
    }

    /// Inversion: `-mean * log(u)` with u in (0, 1), so the result is finite and positive. One 64-bit draw.
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double {
        -meanValue * log(stream.uniform())
    }

    public var rate: Double { 1 / meanValue }
    public var mean: Double { meanValue }
    /// mean^2
    public var variance: Double { meanValue * meanValue }
}
