import GCTEngine

/// One metric of a baseline: mean, sample standard deviation, number of replications and
/// 95 % Student-t confidence interval, with optional absolute bounds.
public struct MetricBaseline: Hashable, Sendable, Codable {
    public var mean: Double
    /// Sample standard deviation over the replications (0 with one replication).
    public var sd: Double
    public var n: Int
    /// `[low, high]`; `nil` with fewer than two replications.
    public var ci95: [Double]?
    /// Absolute bounds every run must respect (kept by `--update-baselines`).
    public var bounds: MetricBounds?

    public init(mean: Double, sd: Double, n: Int, ci95: [Double]?, bounds: MetricBounds? = nil) {
        self.mean = mean
        self.sd = sd
        self.n = n
        self.ci95 = ci95
        self.bounds = bounds
    }

    /// The summary of `values` (one per replication).
    public init(values: [Double], bounds: MetricBounds? = nil) {
        let w = Welford(values)
        mean = w.mean
        sd = w.standardDeviation
        n = values.count
        if let ci = ConfidenceInterval(w, level: 0.95) { ci95 = [ci.lower, ci.upper] } else { ci95 = nil }
        self.bounds = bounds
    }
}

/// Absolute bounds of a metric: `min ≤ value ≤ max` for the mean of every run (either may be absent).
public struct MetricBounds: Hashable, Sendable, Codable {
    public var min: Double?
    public var max: Double?

    public init(min: Double? = nil, max: Double? = nil) {
        self.min = min
        self.max = max
    }

    /// Whether `value` respects the bounds.
    public func contains(_ value: Double) -> Bool {
        if let min, value < min { return false }
        if let max, value > max { return false }
        return true
    }

    public var description: String { "[\(min.map { "\($0)" } ?? "−∞"), \(max.map { "\($0)" } ?? "+∞")]" }

    /// Bounds given to new baseline entries: shares and reputations in [0, 1], the multiplier
    /// within the `fixed` mode's [0.6, 3], supply figures non-negative.
    public static func defaultBounds(for metric: String) -> MetricBounds? {
        switch metric {
        case "utilization", "reputation_min", "reputation_median", "reputation_max": MetricBounds(min: 0, max: 1)
        case "mean_multiplier": MetricBounds(min: 0.6, max: 3)
        case _ where metric.hasPrefix("supply_"): MetricBounds(min: 0)
        default: nil
        }
    }
}
