/// Validation and splitting of absolute in-file paths (`/rep_0000/events/executions`).
enum TrajectoryObjectPath {
    /// The components of an absolute path; `/` alone has none.
    /// - Throws: ``TrajectoryError/invalidObjectPath(_:)`` for a relative path, an empty component,
    ///   `.` or `..`.
    static func components(_ path: String) throws(TrajectoryError) -> [String] {
        guard path.hasPrefix("/") else { throw .invalidObjectPath(path) }
        if path == "/" { return [] }
        let parts = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        for part in parts where part.isEmpty || part == "." || part == ".." {
            throw .invalidObjectPath(path)
        }
        return parts
    }

    /// Joins a parent path and a child name.
    static func join(_ parent: String, _ child: String) -> String {
        parent == "/" ? "/" + child : parent + "/" + child
    }
}
