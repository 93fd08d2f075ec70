/// Streaming mean and variance by Welford's update (numerically stable in one pass), with min and max.
///
/// `merge(_:)` combines two accumulators exactly as if all observations had gone into one
/// (Chan, Golub, LeVeque 1979), so per-replication or per-thread accumulators can be pooled.
public struct Welford: Hashable, Sendable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// The sum of squared deviations from the mean.
    public private(set) var sumOfSquaredDeviations: Double = 0
    public private(set) var minimum: Double = .infinity
    public private(set) var maximum: Double = -.infinity

    public init() {}

    /// An accumulator holding `values`.
    public init(_ values: some Sequence<Double>) {
        for value in values { add(value) }
    }

    /// Adds one observation: `delta = x - mean; mean += delta / n; M2 += delta * (x - mean)`.
    ///
    /// - Complexity: O(1).
    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
    }

    /// Adds every observation of `other`.
    public mutating func merge(_ other: Welford) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = count + other.count
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        sumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
    }

    /// The sample variance, M2 / (n - 1); 0 when fewer than two observations.
    public var variance: Double { count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0 }
    /// The population variance, M2 / n; 0 when empty.
    public var populationVariance: Double { count > 0 ? sumOfSquaredDeviations / Double(count) : 0 }
    /// The sample standard deviation.
    public var standardDeviation: Double { variance.squareRoot() }
    /// The standard error of the mean, s / sqrt(n); 0 when fewer than two observations.
    public var standardError: Double { count > 1 ? (variance / Double(count)).squareRoot() : 0 }
}
