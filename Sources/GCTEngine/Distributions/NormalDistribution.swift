#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The normal (Gaussian) distribution.
@frozen
public struct NormalDistribution: SamplingDistribution {
    public let mu: Double
    public let sigma: Double

    /// - Precondition: `standardDeviation >= 0`, both finite.
    @inlinable
    public init(mean: Double, standardDeviation: Double) {
        precondition(mean.isFinite && standardDeviation.isFinite && standardDeviation >= 0,
                     "normal needs a finite mean and a finite non-negative sd, got \(mean), \(standardDeviation)")
        mu = mean
        sigma = standardDeviation
    }

    /// The standard normal distribution.
    public static let standard = NormalDistribution(mean: 0, standardDeviation: 1)

    /// `mean + sd * z` with `z` from `standardSample`. Two 64-bit draws.
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double {
        mu + sigma * Self.standardSample(&stream)
    }

    /// One standard normal variate by Box-Muller: `sqrt(-2 log u1) cos(2π u2)`.
    ///
    /// Each call takes exactly two uniforms and keeps no state (the sine half is dropped), so the
    /// number of draws per sample is fixed and no value leaks from one stream or call to another.
    @inlinable
    public static func standardSample(_ stream: inout RandomStream) -> Double {
        let radius = (-2 * log(stream.uniform())).squareRoot()
        let angle = 2 * Double.pi * stream.uniform()
        return radius * cos(angle)
    }

    public var mean: Double { mu }
    public var variance: Double { sigma * sigma }
}
