import Foundation
import GCTEngine
import GCTScenario
import GCTTrajectory
import GCTWorld

/// The run-level attributes of a trajectory: `/meta` (deterministic) and `/provenance` (what differs
/// between identical runs).
enum TrajectoryMeta {
    static func write(_ scenario: ResolvedScenario, to file: TrajectoryFile, started: Date) throws {
        let c = scenario.configuration
        try file.meta.setAttribute("scenario_name", c.name)
        try file.meta.setAttribute("scenario_yaml", scenario.canonicalYAML)
        try file.meta.setAttribute("scenario_hash", scenario.hashHex)
        try file.meta.setAttribute("seed", c.seed)
        try file.meta.setAttribute("replications", Int64(c.replications))
        try file.meta.setAttribute("gctsim_version", GCTSimVersion.string)
        try file.meta.setAttribute("git_commit", GCTSimVersion.gitCommit)
        try file.meta.setAttribute("time_resolution", "1 us (simulated time is integer microseconds)")
        try file.meta.setAttribute("replication_layout", "one group per replication: /rep_0000, /rep_0001, ...")
        try file.provenance.setAttribute("wall_clock_start", ISO8601DateFormatter().string(from: started))
        try file.provenance.setAttribute("host", ProcessInfo.processInfo.hostName)
    }

    static func finish(_ file: TrajectoryFile, outcomes: [ReplicationOutcome], started: Date) throws {
        try file.meta.setAttribute("end_time_us", outcomes.map(\.run.endTime.ticks).max() ?? 0)
        try file.meta.setAttribute("events_processed", UInt64(outcomes.reduce(0) { $0 + $1.run.eventsHandled }))
        // A replication stopped by SIGINT/SIGTERM did not complete.
        try file.meta.setAttribute("completed_replications", Int64(outcomes.filter { $0.run.reason != .stopRequested }.count))
        try file.provenance.setAttribute("wall_clock_seconds", Date().timeIntervalSince(started))
    }
}
