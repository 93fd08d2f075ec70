import GCTScenario
import GCTSweep

extension CommandSupport {
    /// Fails the command with `error` in one line (exit 1): a located error (a scenario's
    /// `file:line:col: error: …` or `--set key=value: error: …`, a proposal's `file:line:col: error: …`)
    /// as it is, any other after `error: ` — never `error: FILE:LINE:COL: error: …`.
    static func fail(error: any Error) -> Never {
        if let e = error as? ScenarioError { fail(e.description, located: true) }
        if let e = error as? SweepError { fail(e.message, located: e.isLocated) }
        fail("\(error)")
    }
}
