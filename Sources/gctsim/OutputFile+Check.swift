import GCTTrajectory

extension OutputFile {
    /// Fails the command (one line, exit 1) if `path` cannot be written; call before any long work.
    static func check(_ path: String, force: Bool, option: String) {
        if let problem = problem(path, force: force, option: option) { CommandSupport.fail(problem) }
    }
}
