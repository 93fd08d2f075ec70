/// The `status` attribute of `/meta`: how the run that wrote the file ended.
///
/// A file is created `running`; ``TrajectoryFile/close(status:)`` rewrites it. A process killed before
/// closing leaves `running`, so a reader never mistakes a partial file for a complete one.
public enum TrajectoryStatus: String, Sendable, CaseIterable, Codable {
    /// Being written (or the writer died before closing).
    case running
    /// The run reached its end time.
    case complete
    /// The run was stopped early on request (e.g. SIGINT); the file holds everything up to that point.
    case interrupted
    /// The run stopped on an error.
    case failed
}
