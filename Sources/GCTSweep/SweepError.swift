import Foundation
import GCTScenario

/// A problem with a sweep, a proposal or a sweep file: one line, naming what is wrong.
public struct SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    /// Whether `message` begins with its location (`file:line:col: error: …`, `file: error: …`,
    /// `--set key=value: error: …`): printed as it is, without another `error: ` before it.
    public var isLocated: Bool

    /// - Parameter located: whether `message` begins with its location; by default, whether it
    ///   begins with a word (a path, `file:line:col`) followed by `: error: `.
    public init(_ message: String, located: Bool? = nil) {
        self.message = message
        self.isLocated = located ?? (message.range(of: #"^[^ ]+: error: "#, options: .regularExpression) != nil)
    }

    /// A scenario's error, as it is (located).
    public init(_ error: ScenarioError) {
        self.init(error.description, located: true)
    }

    public var description: String { message }
}
