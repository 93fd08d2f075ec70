/// What `gctsim check` found for one scenario: each invariant's verdict and each metric compared
/// with the baseline.
public struct ScenarioCheckResult: Hashable, Sendable {
    /// The scenario's `name` (also the baseline file's stem).
    public var scenario: String
    /// The file it came from.
    public var file: String
    /// The model hash of what ran.
    public var hash: String
    public var seed: UInt64
    public var replications: Int
    /// The baseline compared with (`nil`: none yet).
    public var baseline: ScenarioBaseline?
    public var invariants: [InvariantResult]
    /// Every metric of this run, in report order, compared with the baseline.
    public var metrics: [MetricComparison]

    /// Whether the baseline was measured on a different scenario (hash mismatch).
    public var isStale: Bool { baseline.map { $0.scenarioHash != hash } ?? false }

    public var failedInvariants: [InvariantResult] { invariants.filter { !$0.passed } }
    public var failedMetrics: [MetricComparison] { metrics.filter(\.isFailure) }
    public var failureCount: Int { failedInvariants.count + failedMetrics.count }
    public var passed: Bool { failureCount == 0 }

    /// This run as a new baseline (bounds of the old baseline kept, defaults for new metrics).
    public func newBaseline(gctsimVersion: String) -> ScenarioBaseline {
        var m: [String: MetricBaseline] = [:]
        for c in metrics {
            guard var now = c.current else { continue }
            now.bounds = baseline?.metrics[c.metric]?.bounds ?? MetricBounds.defaultBounds(for: c.metric)
            m[c.metric] = now
        }
        return ScenarioBaseline(
            scenario: scenario, scenarioHash: hash, gctsimVersion: gctsimVersion, seed: seed,
            replications: replications, metrics: m)
    }
}
