import GCTEconomics
import GCTEngine

/// What one replication produced: its stop reason, statistics and end state.
public struct ReplicationOutcome: Sendable {
    public var replication: Int
    public var run: RunSummary
    public var statistics: MarketStatistics
    public var counters: QueueCounters
    public var supply: SupplySnapshot
    public var economy: EconomyReport
    public var violation: InvariantViolation?
    /// Wall-clock seconds this replication took (differs between identical runs).
    public var wallSeconds: Double

    /// The replication's summary metrics, in a fixed order. `events_per_second` is the only
    /// wall-clock metric.
    public var metrics: ReportMetrics {
        let s = statistics
        var m = ReportMetrics()
        m.append(.meanWait, s.meanWait)
        m.append(.meanQueueLength, s.meanQueueLength)
        m.append(.utilization, s.utilization)
        m.append(.throughput, s.throughput)
        m.append(.littlesLaw, s.throughput * s.meanWait)
        m.append(.admitted, Double(s.admitted))
        m.append(.completed, Double(s.completed))
        m.append(.failed, Double(s.failed))
        m.append(.balked, Double(s.balked))
        m.append(.insufficientTokens, Double(s.insufficient))
        m.append(.tokensBurned, s.burned.approximateGCT)
        m.append(.meanCapacity, s.meanCapacity)
        m.append(.supplyTotal, supply.total.approximateGCT)
        m.append(.supplyBurned, supply.burned.approximateGCT)
        m.append(.supplyMinted, supply.minted.approximateGCT)
        m.append(.supplyStaked, supply.staked.approximateGCT)
        m.append(.supplyCirculating, supply.circulating.approximateGCT)
        m.append(contentsOf: economy.metrics)
        m.append(.events, Double(run.eventsHandled))
        m.append(.eventsPerSecond, wallSeconds > 0 ? Double(run.eventsHandled) / wallSeconds : 0)
        return m
    }

    /// Names of metrics that depend on the wall clock (excluded from determinism comparisons).
    public static let wallClockMetrics: Set<String> = [ReportMetricName.eventsPerSecond.rawValue]
}
