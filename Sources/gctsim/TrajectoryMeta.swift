import Foundation
import GCTScenario
import GCTSweep
import GCTTrajectory
import GCTWorld

/// The run-level attributes of a trajectory: `/meta` (deterministic) and `/provenance` (what differs
/// between identical runs); the one definition is `RunTrajectoryMeta` (also used by `sweep --keep-trajectories`).
enum TrajectoryMeta {
    static func write(_ scenario: ResolvedScenario, to file: TrajectoryFile, started: Date) throws {
        try RunTrajectoryMeta.write(scenario, to: file, started: started, version: GCTSimVersion.string, gitCommit: GCTSimVersion.gitCommit)
    }

    static func finish(_ file: TrajectoryFile, outcomes: [ReplicationOutcome], started: Date) throws {
        try RunTrajectoryMeta.finish(file, outcomes: outcomes, started: started)
    }
}
