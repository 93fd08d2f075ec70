import GCTScenario

/// What makes two sweep files parts of the same sweep: the base scenario, the vars and values, the
/// seed, seeding, layout and replications, and what each point runs. Thread counts, shards and wall
/// clocks are not part of it.
public struct SweepIdentity: Sendable, Equatable {
    public var scenarioName: String
    public var scenarioHash: String
    public var seed: UInt64
    public var replications: Int
    public var layout: SweepLayout
    public var seeding: SweepSeeding
    public var variables: [SweepVariable]
    public var pointsHash: String
    public var metricNames: [String]

    /// FNV-1a 64 of the identity's canonical text.
    public var hashHex: String {
        let digits = String(FNV1a64.hash(canonicalText.utf8), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    var canonicalText: String {
        ([scenarioHash, String(seed), String(replications), layout.rawValue, seeding.rawValue, pointsHash]
            + variables.map(\.text) + metricNames).joined(separator: "\n")
    }

    /// What differs between two identities, one phrase each (empty when equal).
    public func differences(from other: SweepIdentity) -> [String] {
        var d: [String] = []
        if scenarioHash != other.scenarioHash { d.append("scenario hash \(scenarioHash) vs \(other.scenarioHash)") }
        if variables != other.variables {
            d.append("vars \(variables.map(\.text).joined(separator: " ")) vs \(other.variables.map(\.text).joined(separator: " "))")
        }
        if seed != other.seed { d.append("seed \(seed) vs \(other.seed)") }
        if replications != other.replications { d.append("replications \(replications) vs \(other.replications)") }
        if layout != other.layout { d.append("layout \(layout.rawValue) vs \(other.layout.rawValue)") }
        if seeding != other.seeding { d.append("seeding \(seeding.rawValue) vs \(other.seeding.rawValue)") }
        if d.isEmpty, pointsHash != other.pointsHash { d.append("points hash \(pointsHash) vs \(other.pointsHash) (the points resolve differently)") }
        if d.isEmpty, metricNames != other.metricNames { d.append("metric columns differ (another gctsim version?)") }
        return d
    }
}
