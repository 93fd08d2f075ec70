/// What a random stream is used for (arrivals, job sizes, failures…); the world model defines the values.
///
/// The engine reserves no purposes: `StreamPurpose` is an opaque 8-bit tag, so 256 purposes exist.
@frozen
public struct StreamPurpose: RawRepresentable, Hashable, Sendable {
    public let rawValue: UInt8
    @inlinable
    public init(rawValue: UInt8) { self.rawValue = rawValue }
}

/// Names one independent random stream within a replication.
///
/// Layout of the 32 bits: `purpose << 24 | index`, where `index` (24 bits, < 16 777 216) is typically an
/// agent's index and 0 for model-wide streams. Every (agent, purpose) pair thus has its own stream, so
/// adding an agent or reordering events does not shift anybody else's draws.
@frozen
public struct StreamID: RawRepresentable, Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: UInt32

    /// The largest `index` a derived stream id can carry.
    public static let maxIndex: UInt32 = (1 << 24) - 1

    @inlinable
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The stream for `purpose` of the entity numbered `index` (e.g. an agent), or model-wide if `index` is 0.
    ///
    /// - Precondition: `0 <= index <= StreamID.maxIndex`.
    @inlinable
    public init(purpose: StreamPurpose, index: Int = 0) {
        precondition(index >= 0 && index <= Int(Self.maxIndex), "stream index \(index) outside 0...\(Self.maxIndex)")
        rawValue = UInt32(purpose.rawValue) << 24 | UInt32(index)
    }

    /// The purpose tag (the top 8 bits).
    @inlinable
    public var purpose: StreamPurpose { StreamPurpose(rawValue: UInt8(truncatingIfNeeded: rawValue >> 24)) }

    /// The entity index (the low 24 bits).
    @inlinable
    public var index: Int { Int(rawValue & Self.maxIndex) }

    @inlinable
    public static func < (lhs: StreamID, rhs: StreamID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "stream(purpose: \(purpose.rawValue), index: \(index))" }
}
