import Synchronization

/// A request to stop a run between two events, settable from a signal handler or another thread.
///
/// The run loops check the flag before each event (one relaxed atomic load). `StopFlag.process` is
/// the flag `StopSignals.install()` sets on SIGINT or SIGTERM; tests and embedders can make their own.
public final class StopFlag: Sendable {
    @usableFromInline
    internal let requested = Atomic<Bool>(false)

    /// The process-wide flag set by `StopSignals`.
    public static let process = StopFlag()

    public init() {}

    /// Whether a stop has been requested.
    @inlinable
    public var isRequested: Bool { requested.load(ordering: .relaxed) }

    /// Asks every run watching this flag to stop before its next event. Async-signal-safe.
    @inlinable
    public func request() { requested.store(true, ordering: .relaxed) }

    /// Clears a request, e.g. before starting the next replication.
    public func reset() { requested.store(false, ordering: .relaxed) }
}
