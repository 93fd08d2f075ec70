import GCTEconomics
import GCTEngine
import GCTWorld

/// One replication run by `gctsim check`: its outcome and the invariant problems found in it
/// (the world's per-event violation, the sample-by-sample checks and the end-of-run audit).
public struct CheckedReplication: Sendable {
    public var outcome: ReplicationOutcome
    public var problems: [InvariantProblem]
}

/// Runs replications like `ReplicationRunner`, but keeps each world until its end to audit it.
public enum CheckRunner {
    /// Runs replications `0 ..< configuration.replications` on `threads` threads; results in
    /// replication order, identical whatever `threads` is.
    ///
    /// - Parameter prepare: adjusts each world before it runs (tests inject faults with it).
    /// - Throws: `WorldError` when a replication cannot start.
    public static func run(
        _ configuration: ScenarioConfiguration, threads: Int = 1,
        prepare: (@Sendable (inout World) -> Void)? = nil,
        stopFlag: StopFlag? = StopFlag.process
    ) throws(WorldError) -> [CheckedReplication] {
        try ReplicationRunner.forEachReplication(configuration.replications, threads: threads, stopFlag: stopFlag) {
            r throws(WorldError) in try runOne(configuration, replication: r, prepare: prepare, stopFlag: stopFlag)
        }
    }

    /// Runs one replication to its end and audits it.
    public static func runOne(
        _ configuration: ScenarioConfiguration, replication: Int,
        prepare: ((inout World) -> Void)? = nil, stopFlag: StopFlag? = StopFlag.process
    ) throws(WorldError) -> CheckedReplication {
        let observer = CheckObserver(cap: configuration.economy.cap, hasValidators: configuration.validators != nil)
        var world = try World(configuration, replication: replication, observer: observer)
        prepare?(&world)
        let outcome = ReplicationRunner.runToEnd(&world, stopFlag: stopFlag)
        var problems: [InvariantProblem] = []
        if let v = world.violation { problems.append(InvariantProblem(v.invariant, v.description)) }
        problems += observer.problems
        problems += world.endOfRunProblems()
        return CheckedReplication(outcome: outcome, problems: problems)
    }
}
