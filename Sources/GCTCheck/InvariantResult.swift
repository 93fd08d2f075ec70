/// The verdict on one catalogued invariant for one scenario.
public struct InvariantResult: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Must hold to the base unit in every replication.
        case exact
        /// Holds within a stated tolerance or confidence.
        case statistical
        /// The baseline applies to this scenario (its hash matches).
        case baseline
    }

    public var name: String
    public var kind: Kind
    /// What was checked (for passing ones) — e.g. "after every event, 5 replications".
    public var detail: String
    /// `nil` when it holds; otherwise what broke, naming the invariant.
    public var failure: String?

    public init(name: String, kind: Kind, detail: String, failure: String? = nil) {
        self.name = name
        self.kind = kind
        self.detail = detail
        self.failure = failure
    }

    public var passed: Bool { failure == nil }
}
