import Synchronization

/// What running models have done so far, for a progress display read from another thread: events
/// handled and simulated time covered, summed over every model that reports into it (replications
/// running on several threads share one).
///
/// The run loop reports once every `batch` events (and when it returns), so the hot loop pays a counter
/// and a comparison per event and an atomic add per batch. Reading it never changes what a model does:
/// results are the same with or without a `RunProgress`.
public final class RunProgress: Sendable {
    /// Events between two reports of a run loop.
    public static let batch = 65_536

    @usableFromInline internal let eventCount = Atomic<Int>(0)
    @usableFromInline internal let simulatedTicks = Atomic<Int64>(0)

    public init() {}

    /// Events handled so far.
    public var events: Int { eventCount.load(ordering: .relaxed) }

    /// Simulated time covered so far (the sum over the models that report here).
    public var simulated: SimDuration { SimDuration(ticks: simulatedTicks.load(ordering: .relaxed)) }

    /// Adds `events` handled events and `advance` of simulated time.
    @inlinable
    public func report(events: Int, advance: SimDuration) {
        eventCount.add(events, ordering: .relaxed)
        simulatedTicks.add(advance.ticks, ordering: .relaxed)
    }
}
