/// A Student-t confidence interval for a mean across independent replications:
/// `mean ± t(1 - (1 - level) / 2, n - 1) · s / √n`.
public struct ConfidenceInterval: Hashable, Sendable, CustomStringConvertible {
    public let mean: Double
    public let halfWidth: Double
    /// The confidence level, e.g. 0.95.
    public let level: Double
    /// The number of replications.
    public let count: Int

    public var lower: Double { mean - halfWidth }
    public var upper: Double { mean + halfWidth }

    /// The interval for the mean of the observations in `statistics`.
    ///
    /// - Parameters:
    ///   - statistics: one observation per replication.
    ///   - level: the confidence level, in (0, 1).
    /// - Returns: `nil` when fewer than two observations (no variance estimate).
    public init?(_ statistics: Welford, level: Double = 0.95) {
        precondition(level > 0 && level < 1, "confidence level must be in (0, 1), got \(level)")
        guard statistics.count >= 2 else { return nil }
        let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: Double(statistics.count - 1))
        mean = statistics.mean
        halfWidth = t * statistics.standardError
        self.level = level
        count = statistics.count
    }

    /// The interval for the mean of `observations` (one per replication); `nil` for fewer than two.
    public init?(observations: some Sequence<Double>, level: Double = 0.95) {
        self.init(Welford(observations), level: level)
    }

    public var description: String { "\(mean) ± \(halfWidth) (\(level * 100)% CI, n = \(count))" }
}
