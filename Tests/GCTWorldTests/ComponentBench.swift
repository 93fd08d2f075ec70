import GCTEconomics
import GCTEngine
@testable import GCTWorld

/// What a component needs from the world, without a world: a ledger with the protocol accounts
/// and the initial supply in the reserve, an event queue, and the shared read-only context.
struct ComponentBench {
    var ledger: Ledger
    var queue = EventQueue<WorldEvent>(start: .zero, capacity: 64)
    let accounts: ProtocolAccounts
    let configuration: ScenarioConfiguration
    let observer: any WorldObserver
    var parameters: EconomicParameters

    init(_ c: ScenarioConfiguration, observer: any WorldObserver = NullObserver()) throws {
        configuration = c
        self.observer = observer
        parameters = EconomicParameters(scenario: c)
        var ledger = Ledger(cap: parameters.supplyCap)
        accounts = ProtocolAccounts(ledger: &ledger)
        try ledger.mint(c.economy.initialSupply, to: accounts.reserve, memo: .genesis)
        self.ledger = ledger
    }

    var shared: WorldShared {
        WorldShared(
            accounts: accounts, observer: observer,
            endTime: .zero + configuration.warmup.simDuration + configuration.duration.simDuration, ledgerClock: nil)
    }

    /// Pops the next event (and moves the clock), if any.
    mutating func next() -> (SimTime, WorldEvent)? {
        guard let e = queue.popNext() else { return nil }
        return (e.time, e.event)
    }
}

/// GCT as an exact amount.
func gct(_ text: String) -> TokenAmount { try! TokenAmount(parsing: text) }
