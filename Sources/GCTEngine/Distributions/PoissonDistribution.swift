#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The Poisson distribution: counts of events in a fixed interval.
///
/// Exact for every mean: sequential-search inversion for `mean < 10`, and Hörmann's PTRS
/// (transformed rejection with squeeze, "The transformed rejection method for generating Poisson
/// random variables", Insurance: Mathematics and Economics 12, 1993) for `mean >= 10`, as numpy does.
@frozen
public struct PoissonDistribution: SamplingDistribution {
    public let lambda: Double

    /// Where the sampler switches from inversion (O(mean) per draw) to PTRS (O(1) expected).
    public static let inversionLimit = 10.0

    // PTRS constants, precomputed.
    @usableFromInline internal let expMinusLambda: Double
    @usableFromInline internal let logLambda: Double
    @usableFromInline internal let b: Double
    @usableFromInline internal let a: Double
    @usableFromInline internal let logInverseAlpha: Double
    @usableFromInline internal let vr: Double

    /// - Precondition: `mean >= 0` and finite. A mean of 0 always gives 0.
    public init(mean: Double) {
        precondition(mean >= 0 && mean.isFinite, "poisson needs a finite mean >= 0, got \(mean)")
        lambda = mean
        expMinusLambda = exp(-mean)
        logLambda = log(mean)
        b = 0.931 + 2.53 * mean.squareRoot()
        a = -0.059 + 0.02483 * b
        logInverseAlpha = log(1.1239 + 1.1328 / (b - 3.4))
        vr = 0.9277 - 3.6224 / (b - 2)
    }

    @inlinable
    public func sample(_ stream: inout RandomStream) -> Int {
        lambda < Self.inversionLimit ? sampleByInversion(&stream) : sampleByPTRS(&stream)
    }

    /// Sequential search: the least k with F(k) >= u. One 64-bit draw.
    @inlinable
    internal func sampleByInversion(_ stream: inout RandomStream) -> Int {
        let u = stream.uniform()
        var k = 0
        var probability = expMinusLambda
        var cumulative = probability
        // `probability > 0` ends the loop if rounding leaves the sum just below u.
        while u > cumulative && probability > 0 {
            k += 1
            probability *= lambda / Double(k)
            cumulative += probability
        }
        return k
    }

    /// PTRS: two 64-bit draws per trial, about 1.15 trials per sample at worst.
    @inlinable
    internal func sampleByPTRS(_ stream: inout RandomStream) -> Int {
        while true {
            let u = stream.uniform() - 0.5
            let v = stream.uniform()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + lambda + 0.43).rounded(.down)
            if us >= 0.07 && v <= vr { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            // log(v * inverseAlpha / (a / us^2 + b)) <= -lambda + k log(lambda) - log(k!)
            if log(v) + logInverseAlpha - log(a / (us * us) + b) <= -lambda + k * logLambda - lgamma(k + 1) {
                return Int(k)
            }
        }
    }

    public var mean: Double { lambda }
    public var variance: Double { lambda }
}
