import Foundation
import GCTEconomics
import GCTEngine
import GCTScenario
import GCTTrajectory
import GCTWorld
import GCTWorldTrajectory
import Synchronization

/// A validated sweep: the base scenario (with `--set`), the plan, the metric columns, and a way to
/// get each point's configuration again (points are re-loaded when they run, so memory does not grow
/// with the number of points).
public final class SweepScenario: Sendable {
    public let file: String
    public let baseOverrides: [String]
    public let base: ResolvedScenario
    public let plan: SweepPlan
    public let seeding: SweepSeeding
    /// The metric columns, in order (wall-clock metrics excluded).
    public let metricNames: [String]
    /// FNV-1a over the points' scenario hashes (the identity of what every point runs).
    public let pointsHash: String
    private let cache = Mutex<[(Int, ScenarioConfiguration)]>([])
    private let cacheSize: Int

    /// Loads the base and every point (a bad value is an error naming the point), and finds the
    /// metric columns by building each point's world. Nothing runs.
    public init(
        file: String, overrides: [String], variables: [SweepVariable], layout: SweepLayout,
        replications: Int?, seeding: SweepSeeding, cacheSize: Int = 8
    ) throws(SweepError) {
        let base: ResolvedScenario
        do { base = try ScenarioLoader.load(file: file, overrides: overrides) } catch { throw SweepError(error.description) }
        // The command line replaces the file's `sweep:` section: with any --var, its vars and zip
        // are ignored; --replications replaces sweep.replications.
        var (variables, layout, replications) = (variables, layout, replications)
        if variables.isEmpty {
            guard let section = base.sweep else {
                throw SweepError("a sweep needs at least one --var KEY=v1,v2,… or KEY=start..stop:step, or a sweep: section in \(file)")
            }
            variables = try Self.variables(of: section)
            if section.zip { layout = .zip }
            replications = replications ?? section.replications
        }
        let plan = try SweepPlan(variables: variables, layout: layout, replications: replications ?? base.configuration.replications)
        var names: [String] = []
        var known = Set<String>()
        var hash = FNV1a64.offsetBasis
        for p in 0..<plan.pointCount {
            let point: ResolvedScenario
            do {
                point = try ScenarioLoader.load(file: file, overrides: overrides + plan.overrides(ofPoint: p))
            } catch {
                throw SweepError("sweep point \(p) (\(plan.label(ofPoint: p))): \(error.description)")
            }
            let c = point.configuration
            guard c.seed == base.configuration.seed, c.replications == base.configuration.replications else {
                throw SweepError("sweep point \(p) (\(plan.label(ofPoint: p))) changes the seed or the replications; sweeps keep both fixed")
            }
            for byte in point.hashHex.utf8 { hash = (hash ^ UInt64(byte)) &* FNV1a64.prime }
            for name in try Self.metricNames(c, point: p, label: plan.label(ofPoint: p)) where known.insert(name).inserted {
                names.append(name)
            }
        }
        self.file = file
        self.baseOverrides = overrides
        self.base = base
        self.plan = plan
        self.seeding = seeding
        self.metricNames = names
        let digits = String(hash, radix: 16)
        self.pointsHash = String(repeating: "0", count: 16 - digits.count) + digits
        self.cacheSize = cacheSize
    }

    /// The vars of a scenario's `sweep:` section (ranges expanded; errors located at the value).
    public static func variables(of section: ScenarioSweepSection) throws(SweepError) -> [SweepVariable] {
        try section.variables.map { (v) throws(SweepError) in
            if let values = v.values { return SweepVariable(key: v.key, values: values) }
            return try SweepVariable(parsing: "\(v.key)=\(v.range ?? "")", context: "\(v.location): error: sweep.vars.\(v.key) '\(v.range ?? "")'")
        }
    }

    /// The metrics a world of `c` reports (builds it, runs no event).
    static func metricNames(_ c: ScenarioConfiguration, point: Int, label: String) throws(SweepError) -> [String] {
        let stop = StopFlag()
        stop.request()
        do {
            let outcome = try ReplicationRunner.runOne(c, replication: 0, observer: NullObserver(), stopFlag: stop)
            return outcome.metrics.map(\.name).filter { !ReplicationOutcome.wallClockMetrics.contains($0) } + SweepObserver.metricNames
        } catch {
            throw SweepError("sweep point \(point) (\(label)): \(error)")
        }
    }

    /// The configuration point `p` runs: its scenario, with the seed of point p under independent seeding.
    public func configuration(ofPoint p: Int) throws(SweepError) -> ScenarioConfiguration {
        if let hit = cache.withLock({ $0.first { $0.0 == p }?.1 }) { return hit }
        var c: ScenarioConfiguration
        do {
            c = try ScenarioLoader.load(file: file, overrides: baseOverrides + plan.overrides(ofPoint: p)).configuration
        } catch {
            throw SweepError("sweep point \(p) (\(plan.label(ofPoint: p))): \(error.description)")
        }
        c.replications = plan.replications
        if seeding == .independent { c.seed = Self.independentSeed(c.seed, point: p) }
        let loaded = c
        cache.withLock {
            $0.append((p, loaded))
            if $0.count > cacheSize { $0.removeFirst() }
        }
        return loaded
    }

    /// The seed of point `p` under independent seeding: SplitMix64 of `seed + (p + 1) · γ`.
    public static func independentSeed(_ seed: UInt64, point: Int) -> UInt64 {
        var z = seed &+ UInt64(point + 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The identity recorded in the file's `/meta`.
    public var identity: SweepIdentity {
        SweepIdentity(
            scenarioName: base.configuration.name, scenarioHash: base.hashHex, seed: base.configuration.seed,
            replications: plan.replications, layout: plan.layout, seeding: seeding, variables: plan.variables,
            pointsHash: pointsHash, metricNames: metricNames)
    }

    /// Runs run `k` (point-major) and returns its row; with `trajectories`, also writes its
    /// trajectory file (unless that run's complete trajectory is already there).
    public func run(_ k: Int, stopFlag: StopFlag?, trajectories: SweepTrajectories? = nil) throws(SweepError) -> SweepRunResult {
        let (p, r) = plan.run(k)
        let c = try configuration(ofPoint: p)
        guard let trajectories, let file = try trajectories.open(point: p, replication: r, configuration: c, label: plan.label(ofPoint: p)) else {
            return try Self.run(c, point: p, replication: r, metricNames: metricNames, stopFlag: stopFlag)
        }
        var outcome: ReplicationOutcome?
        var writeError: Error?
        let result: SweepRunResult
        do {
            result = try Self.run(
                c, point: p, replication: r, metricNames: metricNames, stopFlag: stopFlag,
                trajectory: TrajectoryObserver(file: file, replication: r, recordExecutions: c.metrics.sampleEvents),
                finished: { o, e in outcome = o; writeError = e })
        } catch {
            try? file.close(status: .failed)
            throw error
        }
        try trajectories.close(file, point: p, replication: r, outcome: outcome, writeError: writeError)
        return result
    }

    /// Runs replication `r` of `c` and returns its metrics aligned with `metricNames` (NaN where absent).
    ///
    /// - Parameters:
    ///   - trajectory: also streams the run into this observer's file (and finishes it).
    ///   - finished: called with the outcome and the trajectory's write error, if any.
    public static func run(
        _ c: ScenarioConfiguration, point: Int, replication r: Int, metricNames: [String], stopFlag: StopFlag?,
        trajectory: TrajectoryObserver? = nil, finished: ((ReplicationOutcome, Error?) -> Void)? = nil
    ) throws(SweepError) -> SweepRunResult {
        let observer = SweepObserver(trajectory: trajectory)
        var extra: [(String, Double)] = []
        let outcome: ReplicationOutcome
        do {
            outcome = try ReplicationRunner.runOne(c, replication: r, observer: observer, finish: { o, state, outcome in
                extra = o.metrics(state)
                var writeError: Error?
                if let t = o.trajectory {
                    do { try t.finish(state, outcome: outcome) } catch { writeError = error }
                }
                finished?(outcome, writeError)
            }, stopFlag: stopFlag)
        } catch {
            throw SweepError("point \(point) replication \(r): \(error)")
        }
        var byName: [String: Double] = [:]
        for m in outcome.metrics { byName[m.name] = m.value }
        for (n, v) in extra { byName[n] = v }
        return SweepRunResult(
            point: point, replication: r, metrics: metricNames.map { byName[$0] ?? .nan },
            violated: outcome.violation != nil, stopped: outcome.run.reason == .stopRequested, wallSeconds: outcome.wallSeconds)
    }
}

/// What one run of a sweep produced.
public struct SweepRunResult: Sendable, Equatable {
    public var point: Int
    public var replication: Int
    public var metrics: [Double]
    public var violated: Bool
    /// Stopped before its end (SIGINT): not written.
    public var stopped: Bool
    public var wallSeconds: Double

    public static func == (a: Self, b: Self) -> Bool {
        a.point == b.point && a.replication == b.replication && a.violated == b.violated && a.stopped == b.stopped
            && a.metrics.count == b.metrics.count
            && zip(a.metrics, b.metrics).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}

/// Collects what the world's summary metrics lack for the stakeholder tables: the price users paid
/// per completed request and the providers' revenue.
///
/// With `--keep-trajectories` it also forwards every record to the run's `TrajectoryObserver`.
final class SweepObserver: WorldObserver {
    var completed: Int64 = 0
    var paid: Int64 = 0
    let trajectory: TrajectoryObserver?

    init(trajectory: TrajectoryObserver? = nil) { self.trajectory = trajectory }

    static let metricNames = ["price_paid_gct", "user_spend_gct", "provider_balance_gct"]

    func execution(_ record: ExecutionRow) {
        if record.outcome == .completed {
            completed += 1
            paid &+= record.cost.baseUnits
        }
        trajectory?.execution(record)
    }

    func sample(_ s: MetricSample) { trajectory?.sample(s) }
    func oracleRound(_ row: OracleRoundRow) { trajectory?.oracleRound(row) }
    func alarm(_ row: AlarmRow) { trajectory?.alarm(row) }
    func scaling(_ row: ScalingRow) { trajectory?.scaling(row) }
    func governance(_ row: GovernanceRow) { trajectory?.governance(row) }

    func metrics(_ state: WorldFinalState) -> [(String, Double)] {
        var provider: Int64 = 0
        for (i, kind) in state.accountKinds.enumerated() where kind == .provider { provider &+= state.balances[i] + state.staked[i] }
        let gct = 1e9
        return [
            ("price_paid_gct", completed > 0 ? Double(paid) / Double(completed) / gct : 0),
            ("user_spend_gct", Double(paid) / gct),
            ("provider_balance_gct", Double(provider) / gct),
        ]
    }
}
