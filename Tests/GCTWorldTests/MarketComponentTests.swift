import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// The compute market alone: a ledger, a queue and the market, no world.
@Suite("Compute market component")
struct MarketComponentTests {
    /// One class of 2 users with 100 GCT each, one server, fixed 10 GCT per request, no failures.
    static func scenario(maxPrice: TokenAmount? = nil) -> ScenarioConfiguration {
        var c = smallMarket(servers: 1)
        c.users[0].count = 2
        c.users[0].budget = gct("100")
        c.users[0].payment = gct("10")
        c.users[0].maxPrice = maxPrice
        c.providers.failureProbability = 0
        c.providers.count = 2
        c.warmup = .zero
        return c
    }

    @Test("genesis: users funded with their budgets from the reserve, providers opened, one FLAME function per operation")
    func genesis() throws {
        var b = try ComponentBench(Self.scenario())
        let reserveBefore = b.ledger.balance(of: b.accounts.reserve)
        let market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        #expect(b.ledger.balance(of: b.accounts.reserve) == reserveBefore - gct("200"))
        #expect(market.providers.accounts.count == 2 && market.providers.gpuSeconds == [0, 0])
        #expect(market.functionIDs.count == ComputeOperation.known.count)
        #expect(market.load.capacity == 1 && market.load.demand == 0 && market.freeServers.count == 1)
        #expect(b.ledger.checkSupplyInvariant())
    }

    @Test("worked example: 10 GCT at a 1 % burn settles 0.1 burned, 0.99 validators, 0.495 fee pool, 8.415 provider")
    func settlement() throws {
        var b = try ComponentBench(Self.scenario())
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        b.parameters.burnRate = Rate(1, over: 100)
        let user = AccountID(rawValue: market.classes[0].firstUser)
        let shared = b.shared
        // Two requests on one server: the first starts, the second waits; both costs are held.
        for _ in 0..<2 {
            market.submit(
                userClass: 0, user: user, operation: 0, cost: gct("10"), service: .seconds(30), willFail: false, u: 0.5,
                at: .zero, queue: &b.queue, ledger: &b.ledger, shared: shared)
        }
        #expect(market.load.running == 1 && market.load.waiting == 1)
        #expect(b.ledger.accounts[Int(user.rawValue)].held == gct("20"))
        let k = market.counters
        #expect(k.arrived == 2 && k.arrived == k.accountedFor(waiting: market.load.waiting, running: market.load.running))

        let popped = b.next()
        let (t, event) = try #require(popped)
        guard case let .completion(slot) = event else { Issue.record("expected a completion, got \(event)"); return }
        #expect(t == .zero + .seconds(30))
        let provider = market.providers.accounts[0]  // server 0 belongs to provider 0
        market.completion(slot: Int(slot), at: t, parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: shared)
        #expect(b.ledger.burned == gct("0.1"))
        #expect(b.ledger.balance(of: b.accounts.validatorPool) == gct("0.99"))
        #expect(b.ledger.balance(of: b.accounts.feePool) == gct("0.495"))
        #expect(b.ledger.balance(of: provider) == gct("8.415"))
        #expect(b.ledger.balance(of: user) == gct("80") && b.ledger.accounts[Int(user.rawValue)].held == gct("10"))
        // The waiting request started on the freed server; the velocity saw the payment.
        #expect(market.load.running == 1 && market.load.waiting == 0 && market.counters.completed == 1)
        #expect(market.velocity.current == gct("10") && market.providers.gpuSeconds[0] == 30)
        #expect(market.counters.arrived == market.counters.accountedFor(waiting: market.load.waiting, running: market.load.running))
        #expect(b.ledger.checkSupplyInvariant())
    }

    @Test("a request above the class's maximum price balks: counted, nothing held")
    func balk() throws {
        let o = RecordingObserver()
        var b = try ComponentBench(Self.scenario(maxPrice: gct("5")), observer: o)
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        market.arrival(ofClass: 0, at: .zero, congestion: .one, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        #expect(market.counters.arrived == 1 && market.counters.balked == 1)
        #expect(b.ledger.supply.held == .zero)
        #expect(o.executions.map(\.outcome) == [.balked] && o.executions[0].cost == gct("10"))
        // The next arrival of the class is already scheduled.
        guard case .arrival(userClass: 0)? = b.next()?.1 else { Issue.record("next arrival not scheduled"); return }
    }

    @Test("capacity: a cut keeps free servers = capacity − running; busy servers retire when they finish")
    func capacity() throws {
        var c = Self.scenario()
        c.providers.servers = 3
        var b = try ComponentBench(c)
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        let user = AccountID(rawValue: market.classes[0].firstUser)
        for _ in 0..<2 {
            market.submit(
                userClass: 0, user: user, operation: 0, cost: gct("1"), service: .seconds(5), willFail: false, u: 0.5,
                at: .zero, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        }
        market.setCapacity(1, at: .zero)
        #expect(market.freeServers.isEmpty && market.load.running == 2)
        let popped = b.next()
        let (t, event) = try #require(popped)
        guard case let .completion(slot) = event else { return }
        market.completion(slot: Int(slot), at: t, parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        #expect(market.freeServers.isEmpty && market.load.running == 1)  // the finished server retired
        market.setCapacity(4, at: t)
        #expect(market.freeServers.count == 3 && market.serversProvisioned == 6)
    }
}
