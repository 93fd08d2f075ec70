import Foundation
import GCTEngine
import GCTScenario
import GCTTrajectory
import GCTWorld
import GCTWorldTrajectory

/// The run-level attributes of a trajectory file: `/meta` (deterministic) and `/provenance` (what
/// differs between identical runs). Shared by `gctsim run --output` and `gctsim sweep --keep-trajectories`.
public enum RunTrajectoryMeta {
    public static func write(
        _ scenario: ResolvedScenario, to file: TrajectoryFile, started: Date, version: String, gitCommit: String
    ) throws {
        let c = scenario.configuration
        try file.meta.setAttribute("scenario_name", c.name)
        try file.meta.setAttribute("scenario_yaml", scenario.canonicalYAML)
        try file.meta.setAttribute("scenario_hash", scenario.hashHex)
        try file.meta.setAttribute("seed", c.seed)
        try file.meta.setAttribute("replications", Int64(c.replications))
        try file.meta.setAttribute("gctsim_version", version)
        try file.meta.setAttribute("git_commit", gitCommit)
        try file.meta.setAttribute("time_resolution", "1 us (simulated time is integer microseconds)")
        try file.meta.setAttribute("replication_layout", "one group per replication: /rep_0000, /rep_0001, ...")
        try file.provenance.setAttribute("wall_clock_start", ISO8601DateFormatter().string(from: started))
        try file.provenance.setAttribute("host", ProcessInfo.processInfo.hostName)
    }

    public static func finish(_ file: TrajectoryFile, outcomes: [ReplicationOutcome], started: Date) throws {
        try file.meta.setAttribute("end_time_us", outcomes.map(\.run.endTime.ticks).max() ?? 0)
        try file.meta.setAttribute("events_processed", UInt64(outcomes.reduce(0) { $0 + $1.run.eventsHandled }))
        // A replication stopped by SIGINT/SIGTERM did not complete.
        try file.meta.setAttribute("completed_replications", Int64(outcomes.filter { $0.run.reason != .stopRequested }.count))
        try file.provenance.setAttribute("wall_clock_seconds", Date().timeIntervalSince(started))
    }
}

/// `gctsim sweep --keep-trajectories DIR`: each run's trajectory, the file `gctsim run --output`
/// writes for that point's scenario, holding the one replication (`/rep_RRRR`), as
/// `DIR/point-PPPP-rep-RRRR.h5`, with `/meta` `sweep_point`, `sweep_replication`, `sweep_vars`.
///
/// A run writes `….h5.partial` and renames it when complete (streamed through the tables' bounded
/// buffers: memory does not grow with the runs). An existing `.h5` that is the complete trajectory
/// of that very run (same scenario hash, replication and sweep point) is kept and not written
/// again; any other existing file is refused unless `force`.
public struct SweepTrajectories: Sendable {
    public let directory: String
    public let force: Bool
    public let version: String
    public let gitCommit: String

    public init(directory: String, force: Bool, version: String, gitCommit: String) {
        self.directory = directory
        self.force = force
        self.version = version
        self.gitCommit = gitCommit
    }

    public func path(point: Int, replication: Int) -> String {
        (directory as NSString).appendingPathComponent(String(format: "point-%04d-rep-%04d.h5", point, replication))
    }

    /// What is at the path of run (point, replication) now.
    public enum Existing: Equatable, Sendable {
        case none
        /// The complete trajectory of this run: kept.
        case complete
        /// Something else (why, for the message).
        case other(String)
    }

    /// Whether `path(point:replication:)` holds the complete trajectory of replication `r` of
    /// `configuration` at `point`.
    public func existing(point: Int, replication r: Int, configuration c: ScenarioConfiguration) -> Existing {
        let path = path(point: point, replication: r)
        guard FileManager.default.fileExists(atPath: path) else { return .none }
        do {
            let reader = try TrajectoryReader(path: path)
            let meta = try reader.attributes(at: "/meta")
            guard meta[TrajectoryFormat.statusAttribute]?.stringValue == TrajectoryStatus.complete.rawValue else {
                return .other("an unfinished trajectory (status \(meta[TrajectoryFormat.statusAttribute]?.stringValue ?? "?"))")
            }
            guard meta["scenario_hash"]?.stringValue == ResolvedScenario(configuration: c).hashHex,
                  meta["sweep_point"]?.int64Value == Int64(point), meta["sweep_replication"]?.int64Value == Int64(r) else {
                return .other("the trajectory of another run or sweep")
            }
            return .complete
        } catch {
            return .other("not a trajectory file (\(error))")
        }
    }

    /// Checks the files of `runs` before any runs: the directory exists or is created, and no
    /// file that is not this run's complete trajectory would be overwritten without `force`.
    func prepare(_ runs: some Sequence<Int>, sweep: SweepScenario) throws(SweepError) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SweepError("--keep-trajectories \(directory): not a directory") }
        } else {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw SweepError("--keep-trajectories \(directory): cannot create the directory (\(error.localizedDescription))")
            }
        }
        guard !force else { return }
        for k in runs {
            let (p, r) = sweep.plan.run(k)
            let c = try sweep.configuration(ofPoint: p)
            if case let .other(what) = existing(point: p, replication: r, configuration: c) {
                throw SweepError("refusing to overwrite \(path(point: p, replication: r)): it is \(what); use --force to replace it, or another --keep-trajectories DIR")
            }
        }
    }

    /// Opens `….h5.partial` for run (point, replication), or nil when the complete trajectory is
    /// already there.
    func open(point p: Int, replication r: Int, configuration c: ScenarioConfiguration, label: String) throws(SweepError) -> TrajectoryFile? {
        if existing(point: p, replication: r, configuration: c) == .complete { return nil }
        let partial = path(point: p, replication: r) + ".partial"
        do {
            let file = try TrajectoryFile.create(path: partial, overwrite: true)
            try RunTrajectoryMeta.write(ResolvedScenario(configuration: c), to: file, started: Date(), version: version, gitCommit: gitCommit)
            try file.meta.setAttribute("sweep_point", Int64(p))
            try file.meta.setAttribute("sweep_replication", Int64(r))
            try file.meta.setAttribute("sweep_vars", label)
            try file.flushFile()
            return file
        } catch {
            throw SweepError("cannot write trajectory \(partial): \(error)")
        }
    }

    /// Closes run (point, replication)'s file: complete (renamed to `.h5`), or interrupted (left as `.partial`).
    func close(_ file: TrajectoryFile, point p: Int, replication r: Int, outcome: ReplicationOutcome?, writeError: Error?) throws(SweepError) {
        let final = path(point: p, replication: r)
        do {
            if let outcome { try RunTrajectoryMeta.finish(file, outcomes: [outcome], started: Date(timeIntervalSinceNow: -outcome.wallSeconds)) }
            let complete = writeError == nil && outcome != nil && outcome!.run.reason != .stopRequested
            try file.close(status: writeError != nil ? .failed : complete ? .complete : .interrupted)
            if let writeError { throw SweepError("trajectory \(final).partial: \(writeError)") }
            guard complete else { return }
            let fm = FileManager.default
            if fm.fileExists(atPath: final) { try fm.removeItem(atPath: final) }
            try fm.moveItem(atPath: final + ".partial", toPath: final)
        } catch let e as SweepError {
            throw e
        } catch {
            throw SweepError("cannot finish trajectory \(final): \(error)")
        }
    }
}
