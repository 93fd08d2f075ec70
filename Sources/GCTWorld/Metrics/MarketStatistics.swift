import GCTEconomics
import GCTEngine

/// Counters since time 0, for the queue-conservation invariant:
/// arrived = completed + failed + balked + insufficient + waiting + running.
public struct QueueCounters: Hashable, Sendable {
    public var arrived: Int64 = 0
    public var completed: Int64 = 0
    public var failed: Int64 = 0
    public var balked: Int64 = 0
    public var insufficient: Int64 = 0
}

/// Waits and service times (seconds) of one operation's requests that started after the warm-up.
public struct OperationStatistics: Hashable, Sendable {
    public var waits = Welford()
    public var services = Welford()
}

/// Measurement statistics of the market since the end of the warm-up.
public struct MarketStatistics: Hashable, Sendable {
    public private(set) var start: SimTime
    public private(set) var end: SimTime
    /// Queueing delay of requests that arrived after the warm-up and started.
    public var waits = Welford()
    public var queueLength: TimeWeightedAverage
    public var running: TimeWeightedAverage
    public var capacity: TimeWeightedAverage
    /// Requests admitted (queued or started) after the warm-up.
    public var admitted: Int64 = 0
    public var completed: Int64 = 0
    public var failed: Int64 = 0
    public var balked: Int64 = 0
    public var insufficient: Int64 = 0
    public var burned: TokenAmount = .zero
    /// Paid for completed requests by honest users (not attackers' accounts) and the providers' part of all payments.
    public var paidByHonest: TokenAmount = .zero
    public var providerIncome: TokenAmount = .zero
    /// Paid for completed requests by attackers' accounts (whales, wash traders).
    public var paidByAttackers: TokenAmount = .zero
    /// Queueing delay of attackers' (whales') requests (also in `waits`).
    public var attackerWaits = Welford()
    /// Per operation (table order): waits and service times of the requests that started.
    public var operations = [OperationStatistics](repeating: OperationStatistics(), count: ScenarioOperation.allCases.count)

    /// Mean queueing delay of honest users' requests.
    public var honestMeanWait: Double {
        let n = Double(waits.count) - Double(attackerWaits.count)
        guard n > 0 else { return 0 }
        return (waits.mean * Double(waits.count) - attackerWaits.mean * Double(attackerWaits.count)) / n
    }

    init(start: SimTime) {
        self.start = start
        end = start
        queueLength = TimeWeightedAverage(start: start, initialValue: 0)
        running = TimeWeightedAverage(start: start, initialValue: 0)
        capacity = TimeWeightedAverage(start: start, initialValue: 0)
    }

    /// Restarts measurement at `time` (the end of the warm-up) from the current state.
    mutating func restart(at time: SimTime, queueLength q: Int, running r: Int, capacity c: Int) {
        self = MarketStatistics(start: time)
        queueLength = TimeWeightedAverage(start: time, initialValue: Double(q))
        running = TimeWeightedAverage(start: time, initialValue: Double(r))
        capacity = TimeWeightedAverage(start: time, initialValue: Double(c))
    }

    mutating func close(at time: SimTime) { end = time }

    /// Measured seconds.
    public var seconds: Double { (end - start).seconds }
    public var meanWait: Double { waits.mean }
    public var meanQueueLength: Double { queueLength.average(until: end) }
    public var meanRunning: Double { running.average(until: end) }
    public var meanCapacity: Double { capacity.average(until: end) }
    /// Busy servers / servers, time-averaged.
    public var utilization: Double { meanCapacity > 0 ? meanRunning / meanCapacity : 0 }
    /// Admitted requests per second.
    public var throughput: Double { seconds > 0 ? Double(admitted) / seconds : 0 }
}
