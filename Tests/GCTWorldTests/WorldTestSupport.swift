import Foundation
import GCTEconomics
import GCTEngine
import GCTScenario
@testable import GCTWorld
import _GCTTestSupport

/// Erlang C mean waiting time in an M/M/c queue, computed independently of the simulator:
/// P(wait) = (a^c / c!) / (1 − ρ) / (Σ_{k<c} a^k / k! + (a^c / c!) / (1 − ρ)), Wq = P(wait) / (cμ − λ).
func erlangCMeanWait(lambda: Double, mu: Double, servers c: Int) -> Double {
    let a = lambda / mu, rho = a / Double(c)
    var term = 1.0, sum = 0.0
    for k in 0..<c {
        if k > 0 { term *= a / Double(k) }
        sum += term
    }
    let top = term * a / Double(c) / (1 - rho)
    return top / (sum + top) / (Double(c) * mu - lambda)
}

/// Loads a scenario file of the package with overrides.
func loadScenario(_ relativePath: String, _ overrides: [String] = []) throws -> ScenarioConfiguration {
    try ScenarioLoader.load(file: GCTTestSupport.packageRoot.appendingPathComponent(relativePath).path, overrides: overrides).configuration
}

/// A small market scenario built in code.
func smallMarket(seed: UInt64 = 7, classes: [UserClassConfiguration]? = nil, servers: Int = 3, hours: Int64 = 6) -> ScenarioConfiguration {
    let users = classes ?? [
        UserClassConfiguration(
            name: "a", count: 20, arrival: ArrivalConfiguration(ratePerSecond: 0.8),
            operations: [OperationWeight(operation: .matrixMultiplication, weight: 1), OperationWeight(operation: .dataTransfer, weight: 1)],
            resources: ResourceConfiguration(memoryGB: .uniform(min: 1, max: 8), computeUnits: .constant(value: 2), minutes: .exponential(mean: 1)),
            budget: TokenAmount(gct: 10_000)),
    ]
    return ScenarioConfiguration(
        name: "small", seed: seed, replications: 2, duration: .hours(hours), warmup: .seconds(600),
        providers: ProviderConfiguration(servers: servers, failureProbability: 0.05, serviceTime: ServiceTimeConfiguration(default: .exponential(mean: 3))),
        users: users)
}

/// Records what the tests need to see.
final class RecordingObserver: WorldObserver, @unchecked Sendable {
    var executions: [ExecutionRow] = []
    var samples: [MetricSample] = []
    func execution(_ record: ExecutionRow) { executions.append(record) }
    func sample(_ sample: MetricSample) { samples.append(sample) }
}

/// Runs the release `gctsim` (built by `make test`) and returns stdout; fails the test if it is missing.
extension RunReport {
    /// The report as text for comparing runs (every value exact; wall-clock metrics left out):
    /// status, replications, violations and `name=[per-replication values]` in report order.
    var comparableText: String {
        var lines = ["status=\(status) completed=\(completedReplications)/\(replications)", "violations=\(violations)"]
        for name in metricNames where !ReplicationOutcome.wallClockMetrics.contains(name) {
            let m = metrics[name]!
            lines.append("\(name)=\(m.perReplication) mean=\(m.mean) ci95=\(m.ci95.map { "\($0)" } ?? "-")")
        }
        return lines.joined(separator: "\n")
    }
}
