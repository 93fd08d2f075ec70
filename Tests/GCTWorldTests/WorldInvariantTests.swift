import Foundation
import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

@Suite("World invariants while running")
struct WorldInvariantTests {
    @Test("a clean run keeps supply and queue conservation; money adds up at the end")
    func cleanRun() throws {
        var c = smallMarket()
        c.replications = 1
        var world = try World(c, replication: 0, observer: NullObserver())
        let summary = world.runToEnd(stopFlag: nil)
        #expect(world.violation == nil)
        #expect(summary.reason == .timeLimitReached)
        #expect(world.ledger.auditAllAccounts() == nil)
        let k = world.counters
        #expect(k.arrived == k.completed + k.failed + k.balked + k.insufficient + Int64(world.flame.queue.count) + Int64(world.flame.running))
        #expect(k.completed > 10_000 && k.failed > 0)
        #expect(world.ledger.burned.isPositive)
    }

    #if DEBUG
    @Test("an injected ledger bug (a transfer that drops a unit) stops the run with a clear report")
    func injectedBug() throws {
        var c = smallMarket()
        c.replications = 1
        var world = try World(c, replication: 0, observer: NullObserver())
        world._fault = .dropUnitAfterCompletion(100)
        let summary = world.runToEnd(stopFlag: nil)
        let v = try #require(world.violation)
        #expect(v.invariant == "supply_conservation")
        #expect(summary.reason == .queueEmpty)
        #expect(world.counters.completed == 100)
        #expect(v.description.contains("invariant 'supply_conservation' violated at t="))
        #expect(v.description.contains("completion"))
    }
    #endif

    @Test("balking above the maximum price and refusal for insufficient tokens are counted")
    func balkAndInsufficient() throws {
        var rich = smallMarket().users[0]
        rich.maxPrice = TokenAmount(baseUnits: 200_000_000)  // 0.2 GCT: matrix requests (≥ 0.15 × …) often balk
        var poor = smallMarket().users[0]
        poor.name = "poor"
        poor.budget = TokenAmount(baseUnits: 500_000_000)  // 0.5 GCT each: soon out of tokens
        var c = smallMarket(classes: [rich, poor])
        c.replications = 1
        var world = try World(c, replication: 0, observer: NullObserver())
        _ = world.runToEnd(stopFlag: nil)
        #expect(world.violation == nil)
        #expect(world.counters.balked > 100)
        #expect(world.counters.insufficient > 100)
    }
}
