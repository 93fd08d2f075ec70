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
    ///   - progress: called after each replication with its index.
    ///   - runProgress: where every replication reports events and simulated time while it runs.
    /// - Throws: `WorldError` when a replication cannot start.
    public static func run<Observer: WorldObserver & SendableMetatype>(
        _ configuration: ScenarioConfiguration, threads: Int = 1,
        observer: @Sendable (Int) -> Observer,
        prepare: (@Sendable (inout World) -> Void)? = nil,
        finish: (@Sendable (Observer, WorldFinalState, ReplicationOutcome) -> Void)? = nil,
        stopFlag: StopFlag? = StopFlag.process,
        progress: (@Sendable (Int) -> Void)? = nil,
        runProgress: RunProgress? = nil
    ) throws(WorldError) -> [ReplicationOutcome] {
        try forEachReplication(configuration.replications, threads: threads, stopFlag: stopFlag) { r throws(WorldError) in
            let outcome = try runOne(
                configuration, replication: r, observer: observer(r), prepare: prepare, finish: finish, stopFlag: stopFlag,
                runProgress: runProgress)
            progress?(r)
            return outcome
        }
    }

    /// Runs one replication to its end.
    public static func runOne<Observer: WorldObserver>(
        _ configuration: ScenarioConfiguration, replication: Int, observer: Observer,
        prepare: ((inout World) -> Void)? = nil,
        finish: ((Observer, WorldFinalState, ReplicationOutcome) -> Void)? = nil,
        stopFlag: StopFlag? = StopFlag.process,
        runProgress: RunProgress? = nil
    ) throws(WorldError) -> ReplicationOutcome {
        var world = try World(configuration, replication: replication, observer: observer)
        prepare?(&world)
        let outcome = runToEnd(&world, stopFlag: stopFlag, progress: runProgress)
        finish?(observer, world.finalState, outcome)
        return outcome
    }

    /// Runs `world` to its end and returns its outcome with the wall-clock time it took.
    public static func runToEnd(_ world: inout World, stopFlag: StopFlag?, progress: RunProgress? = nil) -> ReplicationOutcome {
        let clock = ContinuousClock()
        let started = clock.now
        let summary = world.runToEnd(stopFlag: stopFlag, progress: progress)
        let elapsed = clock.now - started
        let wall = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return world.outcome(run: summary, wallSeconds: wall)
    }

    /// Runs `body(r)` for replications `0 ..< count` on `threads` worker threads and returns the
    /// results in replication order, so they do not depend on `threads`. Once a stop is requested
    /// no new replication starts; the results end at the first one not run.
    ///
    /// - Throws: the first replication's error, in replication order.
    public static func forEachReplication<Result: Sendable>(
        _ count: Int, threads: Int, stopFlag: StopFlag?,
        _ body: @Sendable (Int) throws(WorldError) -> Result
    ) throws(WorldError) -> [Result] {
        let results = Mutex<[Int: Swift.Result<Result, WorldError>]>([:])
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: Swift.max(1, Swift.min(threads, count))) { _ in
            while true {
                let r = next.add(1, ordering: .relaxed).oldValue
                guard r < count else { return }
                if let stopFlag, stopFlag.isRequested { return }
                let result = Swift.Result { () throws(WorldError) -> Result in try body(r) }
                results.withLock { $0[r] = result }
            }
        }
        var ordered: [Result] = []
        for r in 0..<count {
            guard let result = results.withLock({ $0[r] }) else { break }  // not run: stopped
            ordered.append(try result.get())
        }
        return ordered
    }
}
