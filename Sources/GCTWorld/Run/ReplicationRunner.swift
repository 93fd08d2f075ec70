import Dispatch
import Foundation
import GCTEconomics
import GCTEngine
import Synchronization

/// Runs the replications of a scenario, sequentially or on several threads, with results
/// identical to a sequential run: each replication is an independent world whose random
/// streams are keyed by (seed, replication), and results are returned in replication order.
public enum ReplicationRunner {
    /// Runs replications `0 ..< configuration.replications`.
    ///
    /// - Parameters:
    ///   - threads: worker threads (at least 1).
    ///   - observer: makes the observer of replication r (called on the worker thread).
    ///   - prepare: adjusts each world before it runs (tests use it for fault injection).
    ///   - stopFlag: checked between events.
    /// - Throws: `WorldError` when a replication cannot start.
    public static func run<Observer: WorldObserver>(
        _ configuration: ScenarioConfiguration, threads: Int = 1,
        observer: @Sendable (Int) -> Observer,
        prepare: (@Sendable (inout World) -> Void)? = nil,
        finish: (@Sendable (Observer, WorldFinalState, ReplicationOutcome) -> Void)? = nil,
        stopFlag: StopFlag? = StopFlag.process,
        progress: (@Sendable (Int) -> Void)? = nil
    ) throws(WorldError) -> [ReplicationOutcome] {
        let n = configuration.replications
        let results = Mutex<[Int: Result<ReplicationOutcome, WorldError>]>([:])
        let next = Atomic<Int>(0)
        let workers = Swift.max(1, Swift.min(threads, n))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let r = next.add(1, ordering: .relaxed).oldValue
                guard r < n else { return }
                if let stopFlag, stopFlag.isRequested { return }
                let outcome = Result { () throws(WorldError) -> ReplicationOutcome in
                    try runOne(configuration, replication: r, observer: observer(r), prepare: prepare, finish: finish, stopFlag: stopFlag)
                }
                results.withLock { $0[r] = outcome }
                progress?(r)
            }
        }
        var outcomes: [ReplicationOutcome] = []
        for r in 0..<n {
            guard let result = results.withLock({ $0[r] }) else { break }  // not run: stopped
            switch result {
            case let .success(o): outcomes.append(o)
            case let .failure(e): throw e
            }
        }
        return outcomes
    }

    /// Runs one replication to its end.
    public static func runOne<Observer: WorldObserver>(
        _ configuration: ScenarioConfiguration, replication: Int, observer: Observer,
        prepare: ((inout World) -> Void)? = nil,
        finish: ((Observer, WorldFinalState, ReplicationOutcome) -> Void)? = nil,
        stopFlag: StopFlag? = StopFlag.process
    ) throws(WorldError) -> ReplicationOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        var world = try World(configuration, replication: replication, observer: observer)
        prepare?(&world)
        let summary = world.runToEnd(stopFlag: stopFlag)
        let elapsed = clock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let outcome = world.outcome(run: summary, wallSeconds: wall)
        finish?(observer, world.finalState, outcome)
        return outcome
    }
}
