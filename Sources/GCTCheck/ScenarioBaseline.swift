import Foundation

/// `results/baselines/<scenario>.json`: per metric, the mean and 95 % CI over K replications,
/// with the scenario hash and `gctsim` version they came from.
public struct ScenarioBaseline: Hashable, Sendable, Codable {
    /// The scenario's `name`.
    public var scenario: String
    /// The scenario's model hash (seed and replications excluded; see docs/invariants.md).
    public var scenarioHash: String
    public var gctsimVersion: String
    /// The seed the baseline was measured with (provenance).
    public var seed: UInt64
    /// K, the replications behind each metric.
    public var replications: Int
    public var metrics: [String: MetricBaseline]

    enum CodingKeys: String, CodingKey {
        case scenario
        case scenarioHash = "scenario_hash"
        case gctsimVersion = "gctsim_version"
        case seed, replications, metrics
    }

    public init(scenario: String, scenarioHash: String, gctsimVersion: String, seed: UInt64, replications: Int, metrics: [String: MetricBaseline]) {
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.gctsimVersion = gctsimVersion
        self.seed = seed
        self.replications = replications
        self.metrics = metrics
    }

    /// Reads a baseline file; `nil` when there is none.
    ///
    /// - Throws: `CheckError.unreadableBaseline` when the file exists but is not a baseline.
    public static func load(path: String) throws(CheckError) -> ScenarioBaseline? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            return try JSONDecoder().decode(ScenarioBaseline.self, from: data)
        } catch {
            throw .unreadableBaseline(path: path, reason: "\(error)")
        }
    }

    /// The baseline as JSON text (sorted keys, one metric per block), ending with a newline.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }

    /// Writes the baseline, creating the folder if needed.
    public func write(path: String) throws(CheckError) {
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try json.write(to: url, atomically: true, encoding: .utf8)
        } catch {
            throw .unwritableBaseline(path: path, reason: error.localizedDescription)
        }
    }
}

/// Why `gctsim check` cannot proceed.
public enum CheckError: Error, Hashable, Sendable, CustomStringConvertible {
    case unreadableBaseline(path: String, reason: String)
    case unwritableBaseline(path: String, reason: String)
    case world(String)

    public var description: String {
        switch self {
        case let .unreadableBaseline(p, r): "cannot read the baseline '\(p)': \(r)"
        case let .unwritableBaseline(p, r): "cannot write the baseline '\(p)': \(r)"
        case let .world(m): m
        }
    }
}
