/// Why a run loop returned.
public enum StopReason: Hashable, Sendable, CustomStringConvertible {
    /// The next event is after the horizon passed as `until` (the clock was moved to the horizon).
    case timeLimitReached
    /// `maxEvents` events were handled.
    case eventLimitReached
    /// No event is pending.
    case queueEmpty
    /// The stop flag was set (e.g. by SIGINT or SIGTERM through `StopSignals`).
    case stopRequested

    public var description: String {
        switch self {
        case .timeLimitReached: "time limit reached"
        case .eventLimitReached: "event limit reached"
        case .queueEmpty: "queue empty"
        case .stopRequested: "stop requested"
        }
    }
}

/// What a run loop did: why it stopped, how many events it handled, and the clock at the end.
public struct RunSummary: Hashable, Sendable {
    public var reason: StopReason
    public var eventsHandled: Int
    public var endTime: SimTime

    public init(reason: StopReason, eventsHandled: Int, endTime: SimTime) {
        self.reason = reason
        self.eventsHandled = eventsHandled
        self.endTime = endTime
    }
}
