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
    public var metrics: [(name: String, value: Double)] {
        let s = statistics
        var m: [(String, Double)] = [
            ("mean_wait_s", s.meanWait),
            ("mean_queue_length", s.meanQueueLength),
            ("utilization", s.utilization),
            ("throughput_per_s", s.throughput),
            ("littles_law_lambda_w", s.throughput * s.meanWait),
            ("admitted", Double(s.admitted)),
            ("completed", Double(s.completed)),
            ("failed", Double(s.failed)),
            ("balked", Double(s.balked)),
            ("insufficient_tokens", Double(s.insufficient)),
            ("tokens_burned_gct", s.burned.approximateGCT),
            ("mean_capacity", s.meanCapacity),
            ("supply_total_gct", supply.total.approximateGCT),
            ("supply_burned_gct", supply.burned.approximateGCT),
            ("supply_minted_gct", supply.minted.approximateGCT),
            ("supply_staked_gct", supply.staked.approximateGCT),
            ("supply_circulating_gct", supply.circulating.approximateGCT),
        ]
        m += economy.metrics
        m.append(("events", Double(run.eventsHandled)))
        m.append(("events_per_second", wallSeconds > 0 ? Double(run.eventsHandled) / wallSeconds : 0))
        return m
    }

    /// Names of metrics that depend on the wall clock (excluded from determinism comparisons).
    public static let wallClockMetrics: Set<String> = ["events_per_second"]
}
