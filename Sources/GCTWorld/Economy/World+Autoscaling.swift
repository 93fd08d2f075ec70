import GCTEconomics
import GCTEngine

extension World {
    /// Closes the velocity window's days up to `time`.
    mutating func advanceVelocity(to time: SimTime) {
        while time >= economy.nextVelocityDay {
            economy.velocity.closeDay(circulating: ledger.supply.circulating)
            economy.nextVelocityDay += .days(1)
        }
    }

    /// The auto-scaling controller (PRD-010 `auto_scale_resources`): token velocity over the
    /// window, pending demand (queued + running) against capacity; scale-up capacity arrives
    /// after the provisioning delay, scale-down takes effect at once and drains running work.
    mutating func autoscale(at time: SimTime) {
        guard let a = configuration.autoscaling, a.enabled else { return }
        _ = queue.schedule(.autoscale, at: time + a.period.simStep)
        advanceVelocity(to: time)
        let velocity = economy.velocity.annualized
        let capacity = flame.capacity
        let demand = flame.running + flame.queue.count
        let decision = AutoScaling.decide(velocity: velocity, demand: FixedDecimal(Int64(demand)), supply: FixedDecimal(Int64(capacity)))
        var row = ScalingRow(
            time: time, action: .maintain, factor: decision.factor.doubleValue, velocity: velocity.doubleValue,
            demand: Double(demand), capacityBefore: Int32(capacity), capacityAfter: Int32(capacity))
        switch decision.action {
        case .maintain:
            break
        case .scaleUp:
            let target = Swift.min(a.maxServers, Int((Double(capacity) * decision.factor.doubleValue).rounded(.up)))
            let delta = target - capacity - economy.pendingCapacity
            guard delta > 0 else { break }
            economy.pendingCapacity += delta
            row.action = .scaleUp
            row.capacityAfter = Int32(capacity + delta)
            _ = queue.schedule(
                .capacityArrives(servers: Int32(delta)),
                at: time + a.provisioningDelay.simDuration)
        case .scaleDown:
            let target = Swift.max(a.minServers, Int((Double(capacity) * decision.factor.doubleValue).rounded(.down)))
            guard target < capacity else { break }
            setCapacity(target, at: time)
            row.action = .scaleDown
            row.capacityAfter = Int32(target)
        }
        economy.scalingActions[row.action, default: 0] += 1
        observer.scaling(row)
    }

    /// Provisioned servers come into service.
    mutating func capacityArrives(_ servers: Int, at time: SimTime) {
        economy.pendingCapacity -= servers
        let before = flame.capacity
        let maxServers = configuration.autoscaling?.maxServers ?? Int.max
        setCapacity(Swift.min(before + servers, maxServers), at: time)
        economy.scalingActions[.arrived, default: 0] += 1
        observer.scaling(ScalingRow(
            time: time, action: .arrived, factor: 1, velocity: economy.velocity.annualized.doubleValue,
            demand: Double(flame.running + flame.queue.count), capacityBefore: Int32(before), capacityAfter: Int32(flame.capacity)))
        dispatchQueued(at: time)
        noteOccupancy(at: time)
    }

    /// Sets the number of execution slots, keeping `freeServers.count == capacity − running`
    /// (busy servers beyond a reduced capacity retire when they finish).
    mutating func setCapacity(_ capacity: Int, at time: SimTime) {
        flame.capacity = capacity
        let wantFree = Swift.max(0, capacity - flame.running)
        while freeServers.count > wantFree { freeServers.removeLast() }
        while freeServers.count < wantFree { freeServers.append(newServer()) }
        economy.capacityMin = Swift.min(economy.capacityMin, capacity)
        economy.capacityMax = Swift.max(economy.capacityMax, capacity)
        statistics.capacity.record(Double(capacity), at: time)
    }
}
