import GCTScenario

/// How the values of several vars combine into points.
public enum SweepLayout: String, Sendable, CaseIterable {
    /// Every combination; the first var varies slowest.
    case grid
    /// Position by position (all lists of one length).
    case zip
}

/// How replications draw their random numbers.
public enum SweepSeeding: String, Sendable, CaseIterable {
    /// Common random numbers: replication r of every point uses the streams of (seed, r).
    case common
    /// Independent: replication r of point p uses the streams of (seed_p, r), seed_p derived from (seed, p).
    case independent
}

/// The points and runs of a sweep: run k is replication k mod R of point k div R (point-major).
public struct SweepPlan: Sendable, Equatable {
    public var variables: [SweepVariable]
    public var layout: SweepLayout
    public var replications: Int
    public let pointCount: Int

    public init(variables: [SweepVariable], layout: SweepLayout, replications: Int) throws(SweepError) {
        guard !variables.isEmpty else { throw SweepError("a sweep needs at least one --var") }
        guard replications >= 1 else { throw SweepError("--replications must be at least 1") }
        var seen = Set<String>()
        for v in variables where !seen.insert(v.key).inserted { throw SweepError("--var \(v.key) is given twice") }
        self.variables = variables
        self.layout = layout
        self.replications = replications
        switch layout {
        case .grid:
            var n = 1
            for v in variables {
                let (m, overflow) = n.multipliedReportingOverflow(by: v.values.count)
                guard !overflow, m <= 10_000_000 else { throw SweepError("the grid has more than 10 000 000 points") }
                n = m
            }
            pointCount = n
        case .zip:
            let counts = Set(variables.map(\.values.count))
            guard counts.count == 1 else {
                throw SweepError("--zip needs lists of one length, got " + variables.map { "\($0.key): \($0.values.count)" }.joined(separator: ", "))
            }
            pointCount = counts.first!
        }
    }

    /// The value of each var at point `p`.
    public func values(ofPoint p: Int) -> [String] {
        switch layout {
        case .zip:
            return variables.map { $0.values[p] }
        case .grid:
            var rest = p
            var result = [String](repeating: "", count: variables.count)
            for i in variables.indices.reversed() {
                let n = variables[i].values.count
                result[i] = variables[i].values[rest % n]
                rest /= n
            }
            return result
        }
    }

    /// The `--set` arguments of point `p`.
    public func overrides(ofPoint p: Int) -> [String] {
        zip(variables, values(ofPoint: p)).map { "\($0.key)=\($1)" }
    }

    /// `key=value, …` of point `p`, for messages.
    public func label(ofPoint p: Int) -> String { overrides(ofPoint: p).joined(separator: ", ") }

    /// The error of loading point `p`, with one `error:`: `sweep point P (key=value, …): what is wrong`
    /// when it is in the point's own values (the label names them), else the scenario's location
    /// first (`file:line:col: error: sweep point P (…): what is wrong`).
    public func error(_ error: ScenarioError, ofPoint p: Int) -> SweepError {
        let point = "sweep point \(p) (\(label(ofPoint: p)))"
        if case let .commandLine(text) = error.location.origin, overrides(ofPoint: p).contains(text) {
            return SweepError("\(point): \(error.detail)", located: false)
        }
        return SweepError("\(error.location): error: \(point): \(error.detail)", located: true)
    }

    public var runCount: Int { pointCount * replications }

    /// (point, replication) of run `k`.
    public func run(_ k: Int) -> (point: Int, replication: Int) { (k / replications, k % replications) }

    /// The runs of a shard, in run order.
    public func runs(shard: SweepShard?) -> [Int] {
        guard let shard else { return Array(0..<runCount) }
        return shard.runs(of: runCount)
    }
}

/// `--shard i/n`: shard i (1-based) of n takes the runs k with k mod n = i − 1. Runs are point-major,
/// so every shard gets an equal share of each point's replications (balanced whatever a point costs).
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) throws(SweepError) {
        guard count >= 1, index >= 1, index <= count else { throw SweepError("--shard i/n needs 1 ≤ i ≤ n, got \(index)/\(count)") }
        self.index = index
        self.count = count
    }

    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]) else {
            throw SweepError("--shard needs i/n such as 1/3, got '\(text)'")
        }
        try self.init(index: i, count: n)
    }

    public func runs(of runCount: Int) -> [Int] { Array(stride(from: index - 1, to: runCount, by: count)) }

    public var description: String { "\(index)/\(count)" }
}
