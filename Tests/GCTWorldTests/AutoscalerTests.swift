import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// The auto-scaler alone, acting on a market.
@Suite("Auto-scaler component")
struct AutoscalerTests {
    static func scenario(servers: Int = 10, maxServers: Int = 12) -> ScenarioConfiguration {
        var c = smallMarket(servers: servers)
        c.autoscaling = AutoscalingConfiguration(
            period: .hours(1), provisioningDelay: .minutes(10), minServers: 3, maxServers: maxServers, velocityWindow: .days(1))
        return c
    }

    @Test("no decision before any volume was measured")
    func noVolumeNoDecision() throws {
        let o = ScalingRecorder()
        var b = try ComponentBench(Self.scenario(), observer: o)
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        var scaler = Autoscaler(b.configuration, capacity: market.flame.capacity)
        scaler.decide(at: .zero + .hours(1), market: &market, queue: &b.queue, circulating: b.ledger.supply.circulating, shared: b.shared)
        #expect(market.flame.capacity == 10 && o.rows.isEmpty && scaler.actions.isEmpty)
    }

    @Test("relative velocity: an hour without volume after one with volume reads 0; no demand: the spec's rule halves capacity (factor max(2v, 1/2)), at once")
    func scaleDown() throws {
        let o = ScalingRecorder()
        var b = try ComponentBench(Self.scenario(), observer: o)
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        var scaler = Autoscaler(b.configuration, capacity: market.flame.capacity)
        market.velocity.add(TokenAmount(gct: 3))
        // The first hour is the window's mean: velocity 1, maintain.
        scaler.decide(at: .zero + .hours(1), market: &market, queue: &b.queue, circulating: b.ledger.supply.circulating, shared: b.shared)
        #expect(market.flame.capacity == 10 && o.rows.map(\.action) == [.maintain] && o.rows[0].velocity == 1)
        // Then an hour without volume: 0 / (3 / 2) = 0.
        scaler.decide(at: .zero + .hours(2), market: &market, queue: &b.queue, circulating: b.ledger.supply.circulating, shared: b.shared)
        #expect(market.flame.capacity == 5 && market.freeServers.count == 5)
        #expect(scaler.capacityMin == 5 && scaler.capacityMax == 10 && scaler.actions[.scaleDown] == 1)
        #expect(o.rows.map(\.action) == [.maintain, .scaleDown] && o.rows[1].factor == 0.5 && o.rows[1].velocity == 0)
        // Again: 5 × 1/2 = 2.5 → 2, bounded below by min_servers 3.
        scaler.decide(at: .zero + .hours(3), market: &market, queue: &b.queue, circulating: b.ledger.supply.circulating, shared: b.shared)
        #expect(market.flame.capacity == 3)
    }

    @Test("relative velocity: last period over the window's mean per period, rounded down to 1e-9")
    func relativeVelocity() {
        var w = VelocityWindow(days: 1, periods: 3, definition: .relative)
        #expect(w.reading == nil)
        for v in [1, 2, 4, 5] as [Int64] {
            w.add(TokenAmount(baseUnits: v))
            w.closePeriod()
        }
        // Window of 3: [2, 4, 5], mean 11/3; last 5 → 15/11 = 1.363636363…
        #expect(w.reading == FixedDecimal(nanos: 1_363_636_363))
    }

    @Test("capacity ordered arrives after the provisioning delay, bounded by max_servers")
    func arrival() throws {
        var b = try ComponentBench(Self.scenario())
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        var scaler = Autoscaler(b.configuration, capacity: market.flame.capacity)
        scaler.pendingCapacity = 4
        scaler.capacityArrives(4, at: .zero + .minutes(10), market: &market, queue: &b.queue, shared: b.shared)
        #expect(scaler.pendingCapacity == 0)
        #expect(market.flame.capacity == 12 && market.freeServers.count == 12)  // 10 + 4, at most 12
        #expect(scaler.capacityMax == 12 && scaler.actions[.arrived] == 1)
    }

    @Test("disabled: no decision is scheduled and a decision does nothing")
    func disabled() throws {
        var c = Self.scenario()
        c.autoscaling?.enabled = false
        var b = try ComponentBench(c)
        var market = try ComputeMarket(c, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        var scaler = Autoscaler(c, capacity: market.flame.capacity)
        scaler.scheduleFirstEvents(&b.queue)
        scaler.decide(at: .zero, market: &market, queue: &b.queue, circulating: .zero, shared: b.shared)
        #expect(!scaler.enabled && b.next() == nil && market.flame.capacity == 10)
    }
}
