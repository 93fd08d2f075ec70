import GCTEngine

/// A scenario `DistributionSpec` turned into an engine distribution, as an enum so sampling
/// is a switch, not an existential call.
public enum Sampler: Sendable {
    case constant(Double)
    case uniform(UniformDistribution)
    case exponential(ExponentialDistribution)
    case normal(NormalDistribution)
    case lognormal(LogNormalDistribution)
    case pareto(ParetoDistribution)
    case empirical(EmpiricalDistribution)

    public init(_ spec: DistributionSpec) {
        switch spec {
        case let .constant(v): self = .constant(v)
        case let .uniform(a, b): self = .uniform(UniformDistribution(lower: a, upper: b))
        case let .exponential(m): self = .exponential(ExponentialDistribution(mean: m))
        case let .normal(m, sd): self = .normal(NormalDistribution(mean: m, standardDeviation: sd))
        case let .lognormal(m, cv): self = .lognormal(LogNormalDistribution(mean: m, coefficientOfVariation: cv))
        case let .pareto(xm, a): self = .pareto(ParetoDistribution(scale: xm, shape: a))
        case let .empirical(v, w): self = .empirical(EmpiricalDistribution(values: v, weights: w))
        }
    }

    /// One draw; quantities are non-negative, so a normal draw below 0 is truncated to 0.
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double {
        switch self {
        case let .constant(v): return v
        case let .uniform(d): return d.sample(&stream)
        case let .exponential(d): return d.sample(&stream)
        case let .normal(d): return Swift.max(0, d.sample(&stream))
        case let .lognormal(d): return d.sample(&stream)
        case let .pareto(d): return d.sample(&stream)
        case let .empirical(d): return d.sample(&stream)
        }
    }

    /// The mean (for the queue's wait estimate).
    public var mean: Double {
        switch self {
        case let .constant(v): return v
        case let .uniform(d): return d.mean
        case let .exponential(d): return d.mean
        case let .normal(d): return d.mean
        case let .lognormal(d): return d.mean
        case let .pareto(d): return d.mean
        case let .empirical(d): return d.mean
        }
    }
}
