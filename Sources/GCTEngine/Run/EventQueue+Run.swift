extension EventQueue {
    /// Pops and handles events in order until a limit is reached.
    ///
    /// Before each event the loop checks, in this order: the stop flag, the event limit, whether an
    /// event is pending, and whether it fires by `until`. Events at exactly `until` are handled. When
    /// the loop stops at the horizon, the clock is moved to `until`, so statistics can be closed there
    /// and a later run can continue from it. The clock is set to each event's time before `handler` runs;
    /// the handler may schedule (at or after `now`) and cancel events on the queue it is passed.
    ///
    /// - Parameters:
    ///   - until: the horizon; `nil` for none.
    ///   - maxEvents: the most events to handle in this call; `nil` for no limit.
    ///   - stopFlag: checked between events; `nil` to ignore stop requests.
    ///   - handler: called with the queue, the event's time (equal to `now`) and the event.
    /// - Returns: why the loop stopped, the number of events handled and the final clock reading.
    /// - Throws: whatever `handler` throws; the queue is left after the event that threw.
    @inlinable
    public mutating func run<Failure: Error>(
        until: SimTime? = nil,
        maxEvents: Int? = nil,
        stopFlag: StopFlag? = StopFlag.process,
        _ handler: (inout EventQueue, SimTime, Event) throws(Failure) -> Void
    ) throws(Failure) -> RunSummary {
        let horizon = until ?? .max
        let eventLimit = maxEvents ?? .max
        var handled = 0
        while true {
            if let stopFlag, stopFlag.isRequested {
                return RunSummary(reason: .stopRequested, eventsHandled: handled, endTime: now)
            }
            if handled >= eventLimit {
                return RunSummary(reason: .eventLimitReached, eventsHandled: handled, endTime: now)
            }
            guard let next = nextTime else {
                return RunSummary(reason: .queueEmpty, eventsHandled: handled, endTime: now)
            }
            guard next <= horizon else {
                if horizon > now { advanceClock(to: horizon) }
                return RunSummary(reason: .timeLimitReached, eventsHandled: handled, endTime: now)
            }
            let scheduled = popNext().unsafelyUnwrapped
            handled &+= 1
            try handler(&self, scheduled.time, scheduled.event)
        }
    }
}
