import Dispatch
import GCTEconomics
import GCTEngine
import Synchronization

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
        let n = configuration.replications
        let results = Mutex<[Int: Result<CheckedReplication, WorldError>]>([:])
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(threads, n))) { _ in
            while true {
                let r = next.add(1, ordering: .relaxed).oldValue
                guard r < n else { return }
                let result = Result { () throws(WorldError) -> CheckedReplication in
                    try runOne(configuration, replication: r, prepare: prepare, stopFlag: stopFlag)
                }
                results.withLock { $0[r] = result }
            }
        }
        var replications: [CheckedReplication] = []
        for r in 0..<n {
            guard let result = results.withLock({ $0[r] }) else { break }
            replications.append(try result.get())
        }
        return replications
    }

    /// Runs one replication to its end and audits it.
    public static func runOne(
        _ configuration: ScenarioConfiguration, replication: Int,
        prepare: ((inout World) -> Void)? = nil, stopFlag: StopFlag? = StopFlag.process
    ) throws(WorldError) -> CheckedReplication {
        let clock = ContinuousClock()
        let started = clock.now
        let observer = CheckObserver(cap: configuration.economy.cap, hasValidators: configuration.validators != nil)
        var world = try World(configuration, replication: replication, observer: observer)
        prepare?(&world)
        let summary = world.runToEnd(stopFlag: stopFlag)
        let elapsed = clock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var problems: [InvariantProblem] = []
        if let v = world.violation { problems.append(InvariantProblem(v.invariant, v.description)) }
        problems += observer.problems
        problems += world.endOfRunProblems()
        return CheckedReplication(outcome: world.outcome(run: summary, wallSeconds: wall), problems: problems)
    }
}
