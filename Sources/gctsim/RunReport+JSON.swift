import Foundation
import GCTWorld

/// The `--summary-json` document of `gctsim run` (GCTWorld itself writes no JSON).
extension RunReport {
    /// The report as JSON (sorted keys). Wall-clock metrics are left out when `includeWallClock` is false,
    /// so two runs of the same scenario and seed give byte-identical text.
    func json(includeWallClock: Bool = true) -> String {
        struct Document: Encodable {
            var scenario: String
            var scenario_hash: String
            var seed: UInt64
            var replications: Int
            var completed_replications: Int
            var status: RunStatus
            var violations: [String]
            var metrics: [String: MetricSummary]
        }
        var m = metrics
        if !includeWallClock { for k in ReplicationOutcome.wallClockMetrics { m[k] = nil } }
        let doc = Document(
            scenario: scenario, scenario_hash: scenarioHash, seed: seed, replications: replications,
            completed_replications: completedReplications, status: status, violations: violations, metrics: m)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(doc), as: UTF8.self) + "\n"
    }
}
