/// A broken invariant found by `gctsim check`: the invariant's catalogue name and what was wrong.
public struct InvariantProblem: Hashable, Sendable, CustomStringConvertible {
    public var invariant: String
    public var message: String

    public init(_ invariant: String, _ message: String) {
        self.invariant = invariant
        self.message = message
    }

    public var description: String { "\(invariant): \(message)" }
}
