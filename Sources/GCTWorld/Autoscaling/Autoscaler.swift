import GCTEconomics
import GCTEngine

/// The auto-scaling controller (PRD-010 `auto_scale_resources`): its settings, the capacity
/// on order and the figures of its decisions.
///
/// A component of the world: it owns this state and the `autoscale` and `capacityArrives`
/// events, and changes the market's capacity (passed in).
struct Autoscaler {
    /// `nil` (or disabled): the controller never runs.
    let settings: AutoscalingConfiguration?
    var actions: [ScalingRow.Action: Int64] = [:]
    var capacityMin: Int
    var capacityMax: Int
    /// Servers ordered and not yet in service.
    var pendingCapacity: Int = 0

    init(_ c: ScenarioConfiguration, capacity: Int) {
        settings = c.autoscaling.flatMap { $0.enabled ? $0 : nil }
        capacityMin = capacity
        capacityMax = capacity
    }

    var enabled: Bool { settings != nil }

    /// The first decision.
    func scheduleFirstEvents(_ queue: inout EventQueue<WorldEvent>) {
        if let a = settings { _ = queue.schedule(.autoscale, at: .zero + a.period.simStep) }
    }

    /// A decision: token velocity over the window, pending demand (queued + running) against
    /// capacity; scale-up capacity arrives after the provisioning delay, scale-down takes effect
    /// at once and drains running work. The market's velocity window is closed up to `time` first.
    mutating func decide(
        at time: SimTime, market: inout ComputeMarket, queue: inout EventQueue<WorldEvent>, circulating: TokenAmount,
        shared: WorldShared
    ) {
        guard let a = settings else { return }
        _ = queue.schedule(.autoscale, at: time + a.period.simStep)
        market.advanceVelocity(to: time, circulating: circulating)
        market.velocity.closePeriod()
        // No decision on a velocity read before any volume was measured.
        guard let velocity = market.velocity.reading else { return }
        let load = market.load
        let capacity = load.capacity
        let demand = load.demand
        let decision = AutoScaling.decide(velocity: velocity, demand: FixedDecimal(Int64(demand)), supply: FixedDecimal(Int64(capacity)))
        var row = ScalingRow(
            time: time, action: .maintain, factor: decision.factor.doubleValue, velocity: velocity.doubleValue,
            demand: Double(demand), capacityBefore: Int32(capacity), capacityAfter: Int32(capacity))
        switch decision.action {
        case .maintain:
            break
        case .scaleUp:
            let target = Swift.min(a.maxServers, Int((Double(capacity) * decision.factor.doubleValue).rounded(.up)))
            let delta = target - capacity - pendingCapacity
            guard delta > 0 else { break }
            pendingCapacity += delta
            row.action = .scaleUp
            row.capacityAfter = Int32(capacity + delta)
            _ = queue.schedule(.capacityArrives(servers: Int32(delta)), at: time + a.provisioningDelay.simDuration)
        case .scaleDown:
            let target = Swift.max(a.minServers, Int((Double(capacity) * decision.factor.doubleValue).rounded(.down)))
            guard target < capacity else { break }
            setCapacity(target, of: &market, at: time)
            row.action = .scaleDown
            row.capacityAfter = Int32(target)
        }
        actions[row.action, default: 0] += 1
        shared.observer.scaling(row)
    }

    /// Provisioned servers come into service (at most `max_servers`), and queued work starts on them.
    mutating func capacityArrives(
        _ servers: Int, at time: SimTime, market: inout ComputeMarket, queue: inout EventQueue<WorldEvent>, shared: WorldShared
    ) {
        pendingCapacity -= servers
        let before = market.flame.capacity
        let maxServers = settings?.maxServers ?? Int.max
        setCapacity(Swift.min(before + servers, maxServers), of: &market, at: time)
        actions[.arrived, default: 0] += 1
        shared.observer.scaling(ScalingRow(
            time: time, action: .arrived, factor: 1, velocity: market.velocity.value.doubleValue,
            demand: Double(market.load.demand), capacityBefore: Int32(before), capacityAfter: Int32(market.flame.capacity)))
        market.capacityAdded(at: time, queue: &queue)
    }

    mutating func setCapacity(_ capacity: Int, of market: inout ComputeMarket, at time: SimTime) {
        market.setCapacity(capacity, at: time)
        capacityMin = Swift.min(capacityMin, capacity)
        capacityMax = Swift.max(capacityMax, capacity)
    }
}
