/// A problem with a sweep, a proposal or a sweep file: one line, naming what is wrong.
public struct SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
