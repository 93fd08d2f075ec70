/// A model that owns its event queue and handles its own events: the engine drives it with `run`.
///
/// A world model conforms with a stored `var queue: EventQueue<WorldEvent>` and a `handle` method;
/// `run(until:maxEvents:stopFlag:)` then pops events in (time, sequence) order, sets the clock
/// (`queue.now`) before each call to `handle`, and stops at the horizon, an event limit, an empty
/// queue or a stop request. Because the model is a generic parameter, the loop is specialized for it:
/// no existential, no closure context, no per-event allocation.
public protocol DiscreteEventModel {
    associatedtype Event

    /// The pending events and the clock. Only the engine pops events and moves the clock.
    var queue: EventQueue<Event> { get set }

    /// Handles one event; `time == queue.now`. The model may schedule and cancel events on `queue`.
    mutating func handle(_ event: Event, at time: SimTime)
}

extension DiscreteEventModel {
    /// The current simulated time.
    @inlinable
    public var now: SimTime { queue.now }

    /// Handles events in order until a limit is reached; see `EventQueue.run(until:maxEvents:stopFlag:_:)`
    /// for the order of the checks and the horizon semantics.
    ///
    /// - Parameters:
    ///   - until: the horizon (events at exactly `until` are handled); `nil` for none.
    ///   - maxEvents: the most events to handle in this call; `nil` for no limit.
    ///   - stopFlag: checked between events; `nil` to ignore stop requests.
    ///   - progress: where to report events handled and simulated time covered (for a progress display);
    ///     it does not change what the model does.
    /// - Returns: why the loop stopped, the number of events handled and the final clock reading.
    @inlinable
    @discardableResult
    public mutating func run(
        until: SimTime? = nil,
        maxEvents: Int? = nil,
        stopFlag: StopFlag? = StopFlag.process,
        progress: RunProgress? = nil
    ) -> RunSummary {
        let horizon = until ?? .max
        let eventLimit = maxEvents ?? .max
        var handled = 0
        // Progress: one comparison per event; a report every `RunProgress.batch` events and at the end.
        var nextReport = progress == nil ? Int.max : RunProgress.batch
        var reportedEvents = 0
        var reportedTime = queue.now
        let reason: StopReason
        while true {
            if let stopFlag, stopFlag.isRequested {
                reason = .stopRequested
                break
            }
            if handled >= eventLimit {
                reason = .eventLimitReached
                break
            }
            guard let next = queue.nextTime else {
                reason = .queueEmpty
                break
            }
            guard next <= horizon else {
                if horizon > queue.now { queue.advanceClock(to: horizon) }
                reason = .timeLimitReached
                break
            }
            let scheduled = queue.popNext().unsafelyUnwrapped
            handled &+= 1
            handle(scheduled.event, at: scheduled.time)
            if handled == nextReport {
                progress.unsafelyUnwrapped.report(events: handled &- reportedEvents, advance: queue.now - reportedTime)
                reportedEvents = handled
                reportedTime = queue.now
                nextReport &+= RunProgress.batch
            }
        }
        progress?.report(events: handled &- reportedEvents, advance: queue.now - reportedTime)
        return RunSummary(reason: reason, eventsHandled: handled, endTime: queue.now)
    }
}

extension EventQueue {
    /// Moves the clock forward to `time` without handling events; used by the run loops at the horizon.
    ///
    /// - Precondition: `now <= time` and no pending event is before `time`.
    @inlinable
    public mutating func advanceClock(to time: SimTime) {
        precondition(time >= now, "the clock cannot go back from \(now) to \(time)")
        precondition(nextTime.map { $0 >= time } ?? true, "advancing the clock to \(time) would skip pending events")
        clock = time
    }
}
