/// A discrete distribution over given values with given weights (an empirical distribution when the
/// weights are observed frequencies), sampled by the alias method.
public struct EmpiricalDistribution: SamplingDistribution {
    public let values: [Double]
    public let index: CategoricalDistribution

    /// - Precondition: as many weights as values, valid for `CategoricalDistribution`; values finite.
    public init(values: [Double], weights: [Double]) {
        precondition(values.count == weights.count, "empirical needs one weight per value")
        precondition(values.allSatisfy(\.isFinite), "empirical values must be finite")
        self.values = values
        index = CategoricalDistribution(weights: weights)
    }

    /// Equally likely observations.
    public init(observations: [Double]) {
        self.init(values: observations, weights: Array(repeating: 1, count: observations.count))
    }

    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double { values[index.sample(&stream)] }

    public var mean: Double { zip(values, index.probabilities).reduce(0) { $0 + $1.0 * $1.1 } }
    public var variance: Double {
        let m = mean
        return zip(values, index.probabilities).reduce(0) { $0 + ($1.0 - m) * ($1.0 - m) * $1.1 }
    }
}
