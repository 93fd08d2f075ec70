import GCTEngine

/// One metric over the replications: mean, 95 % Student-t confidence interval, and each value.
public struct MetricSummary: Hashable, Sendable, Codable {
    public var mean: Double
    /// `[low, high]`, or `nil` with a single replication.
    public var ci95: [Double]?
    public var perReplication: [Double]

    enum CodingKeys: String, CodingKey {
        case mean, ci95
        case perReplication = "per_replication"
    }

    public init(_ values: [Double]) {
        perReplication = values
        mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        if values.count >= 2, let ci = ConfidenceInterval(observations: values, level: 0.95) {
            ci95 = [ci.lower, ci.upper]
        } else {
            ci95 = nil
        }
    }

    /// Half-width of the CI relative to the mean (∞ without a CI).
    public var relativeHalfWidth: Double {
        guard let ci = ci95, mean != 0 else { return .infinity }
        return (ci[1] - ci[0]) / 2 / abs(mean)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(mean, forKey: .mean)
        if let ci95 { try c.encode(ci95, forKey: .ci95) } else { try c.encodeNil(forKey: .ci95) }
        try c.encode(perReplication, forKey: .perReplication)
    }
}

/// How a run ended.
public enum RunStatus: String, Hashable, Sendable, Codable {
    /// Every replication ran to its end.
    case complete
    /// A stop was requested (not every replication ran to its end).
    case interrupted
    /// An invariant violation stopped a replication.
    case failed
}

/// The summary of a run over its replications (`--summary-json`).
public struct RunReport: Sendable {
    public var scenario: String
    public var scenarioHash: String
    public var seed: UInt64
    public var replications: Int
    public var completedReplications: Int
    public var status: RunStatus
    public var violations: [String]
    /// Metric names in report order.
    public var metricNames: [String]
    public var metrics: [String: MetricSummary]

    public init(scenario: String, scenarioHash: String, seed: UInt64, replications: Int, outcomes: [ReplicationOutcome]) {
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.seed = seed
        self.replications = replications
        completedReplications = outcomes.filter { $0.run.reason != .stopRequested }.count
        violations = outcomes.compactMap { o in o.violation.map { "replication \(o.replication): \($0)" } }
        let interrupted = outcomes.count < replications || outcomes.contains { $0.run.reason == .stopRequested }
        status = !violations.isEmpty ? .failed : interrupted ? .interrupted : .complete
        var names: [String] = []
        var values: [String: [Double]] = [:]
        for o in outcomes {
            for metric in o.metrics {
                if values[metric.name] == nil { names.append(metric.name) }
                values[metric.name, default: []].append(metric.value)
            }
        }
        metricNames = names
        metrics = values.mapValues(MetricSummary.init)
    }
}
