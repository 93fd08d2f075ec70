import GCTEconomics
import GCTEngine

/// The simulated economy of one replication, driven by the engine's event queue through the
/// real code of GCTEconomics.
///
/// The world holds only what every mechanism shares — the clock and event queue, the ledger,
/// the economic parameters in force, and `shared` (configuration, protocol accounts, observer,
/// end of the run) — plus one component per mechanism, each owning its state and its event
/// handlers: the compute `market`, the `oracle` network, `staking` and emissions, the
/// `autoscaler`, `governance` and `attacks`. `handle` routes each event to its component,
/// passing the shared state it needs, then checks the `invariants` (docs/architecture.md).
///
/// The observer is held as an existential: a record costs one dynamic call, while the world
/// itself is a concrete type, so the engine's run loop and the event queue specialize for it
/// (a generic `World<Observer>` instantiated in another module ran unspecialized and spent a
/// third of its time in generic-metadata lookups).
public struct World: DiscreteEventModel {
    // Shared by every component.
    public var queue: EventQueue<WorldEvent>
    public internal(set) var ledger: Ledger
    /// The economic parameters in force: the one value FLAME settlement, emissions, staking,
    /// slashing and governance read; a passed proposal changes it.
    public internal(set) var parameters: EconomicParameters
    let shared: WorldShared
    /// The scenario and replication this world runs.
    let scenario: WorldRun

    // The components.
    var market: ComputeMarket
    var oracle: OracleNetwork
    var staking: StakingEmissions
    var autoscaler: Autoscaler
    var governance: GovernanceProcess
    var attacks: Attacks
    var invariants: Invariants

    #if DEBUG
    /// Test-only fault injection (never compiled into release builds).
    public var _fault: FaultInjection?
    #endif

    /// Builds the world of replication `replication` at time 0: genesis balances, accounts and
    /// the first events.
    ///
    /// - Throws: `WorldError` when the scenario cannot start (e.g. budgets exceed the initial supply).
    public init(_ configuration: ScenarioConfiguration, replication: Int, observer: any WorldObserver) throws(WorldError) {
        let c = configuration
        queue = EventQueue(start: .zero, capacity: 1024)
        let parameters = EconomicParameters(scenario: c)
        self.parameters = parameters

        // Genesis, in a fixed order (account ids and staking positions depend on it): protocol
        // accounts, the initial supply (into the reserve), users and providers, the treasury
        // (minted besides the initial supply), validators, stakers, proposers (governance-capture
        // attackers last), whales, wash traders, sybil validators.
        var ledger = Ledger(cap: parameters.supplyCap)
        let accounts = ProtocolAccounts(ledger: &ledger)
        do {
            try ledger.mint(c.economy.initialSupply, to: accounts.reserve, memo: .genesis)
        } catch {
            throw .genesis("initial supply \(c.economy.initialSupply) GCT: \(error)")
        }
        let reserve = accounts.reserve
        market = try ComputeMarket(c, replication: replication, ledger: &ledger, reserve: reserve)
        // The treasury is minted at genesis besides the initial supply (within the cap), not
        // taken out of it (docs/scenarios.md, `economy.treasury`).
        if c.economy.treasury.isPositive {
            do { try ledger.mint(c.economy.treasury, to: accounts.treasury, memo: .genesis) } catch {
                throw .genesis("treasury \(c.economy.treasury) GCT: \(error)")
            }
        }
        var staking = StakingEmissions(c)
        staking.book.setBonusCap(parameters.stakingBonusCap, at: .zero)
        oracle = try OracleNetwork(
            c, replication: replication, parameters: parameters, ledger: &ledger, staking: &staking.book, reserve: reserve)
        try staking.openStakers(c, replication: replication, parameters: parameters, ledger: &ledger, reserve: reserve)
        governance = try GovernanceProcess(
            c, replication: replication, parameters: parameters, ledger: &ledger, staking: &staking.book, reserve: reserve)
        attacks = try Attacks(c, replication: replication, ledger: &ledger, reserve: reserve)
        if let first = attacks.firstMarketAttacker { market.firstAttackerAccount = first.rawValue }
        // Sybil validators last (their accounts after every other).
        for a in attacks.sybil {
            attacks.sybilValidators.append(try oracle.addSybils(
                a, c, replication: replication, parameters: parameters, ledger: &ledger, staking: &staking.book, reserve: reserve))
        }
        staking.start(parameters: parameters, ledger: ledger)
        self.staking = staking
        autoscaler = Autoscaler(c, capacity: market.flame.capacity)
        invariants = Invariants(c)

        let endTime = SimTime.zero + (c.warmup + c.duration).simDuration
        var clock: ClockBox?
        if observer.wantsLedgerEntries {
            let o = observer
            let box = ClockBox()
            clock = box
            ledger.sink = { o.ledgerEntry($0, at: box.now) }
        }
        self.ledger = ledger
        shared = WorldShared(accounts: accounts, observer: observer, endTime: endTime, ledgerClock: clock)
        scenario = WorldRun(configuration: c, replication: replication)

        // First events.
        market.scheduleFirstEvents(&queue)
        if market.warmupEnd > .zero { _ = queue.schedule(.warmupEnd, at: market.warmupEnd) }
        _ = queue.schedule(.sample, at: .zero)
        // Ties are broken by insertion order: keep this order.
        self.staking.scheduleFirstEpoch(&queue, parameters: parameters)
        oracle.scheduleFirstEvents(&queue)
        autoscaler.scheduleFirstEvents(&queue)
        self.staking.scheduleFirstReviews(&queue)
        governance.scheduleFirstEvents(&queue)
        attacks.scheduleFirstEvents(&queue)
    }

    /// Routes one event to its component, then checks the invariants.
    public mutating func handle(_ event: WorldEvent, at time: SimTime) {
        shared.ledgerClock?.now = time
        switch event {
        case let .arrival(c):
            market.arrival(
                ofClass: Int(c), at: time, congestion: oracle.congestion(forClass: Int(c)), queue: &queue, ledger: &ledger, shared: shared)
        case let .completion(s):
            market.completion(slot: Int(s), at: time, parameters: parameters, queue: &queue, ledger: &ledger, shared: shared)
            #if DEBUG
            if let f = _fault { injectFault(f) }
            #endif
        case .sample:
            sample(at: time)
        case .warmupEnd:
            market.warmupEnded(at: time)
        case .rewardEpoch:
            staking.rewardEpoch(
                at: time, parameters: parameters, providers: &market.providers, validators: oracle.validators,
                queue: &queue, ledger: &ledger, shared: shared)
        case .oracleRound:
            oracle.round(
                at: time, market: market.load, pendingByClass: market.pendingByClass, bias: attacks.oracleBias(at: time, period: oracle.oracleSettings.period), parameters: parameters,
                staking: &staking.book, queue: &queue, ledger: &ledger, shared: shared)
        case .autoscale:
            autoscaler.decide(at: time, market: &market, queue: &queue, circulating: ledger.supply.circulating, shared: shared)
        case let .capacityArrives(n):
            autoscaler.capacityArrives(Int(n), at: time, market: &market, queue: &queue, shared: shared)
        case let .stakerReview(s):
            staking.stakerReview(Int(s), at: time, parameters: parameters, queue: &queue, ledger: &ledger, shared: shared)
        case let .governance(p, step):
            governance.step(
                Int(p), step, at: time, voters: oracle.validators.map(\.account) + staking.stakers.map(\.account),
                parameters: &parameters, queue: &queue, ledger: ledger, shared: shared)
            // A passed `staking_bonus_cap` re-prices every position from now on.
            staking.book.setBonusCap(parameters.stakingBonusCap, at: time.timestamp)
        case let .whaleRequest(a):
            attacks.whaleRequest(Int(a), at: time, market: &market, queue: &queue, ledger: &ledger, shared: shared)
        case let .washTrade(a):
            attacks.washTrade(
                Int(a), at: time, congestion: oracle.marketMultiplier, market: &market, queue: &queue, ledger: &ledger, shared: shared)
        }
        invariants.eventsHandled += 1
        checkInvariants(after: event, at: time)
    }

    /// Runs to the end of the scenario (or a stop request, or an invariant violation).
    public mutating func runToEnd(stopFlag: StopFlag? = StopFlag.process, progress: RunProgress? = nil) -> RunSummary {
        let summary = run(until: shared.endTime, stopFlag: stopFlag, progress: progress)
        market.statistics.close(at: now)
        return summary
    }
}

/// What every component reads and nothing changes while the world runs. Small on purpose (no
/// configuration): it is passed to a handler on every event.
struct WorldShared {
    let accounts: ProtocolAccounts
    let observer: any WorldObserver
    /// The end of the run (warm-up + duration).
    let endTime: SimTime
    /// The current time, for the ledger's entry sink (only when the observer wants entries).
    let ledgerClock: ClockBox?
}

extension EconomicParameters {
    /// The parameters a scenario sets (`economy:`, governance's voting rules), on PRD-010's defaults.
    init(scenario c: ScenarioConfiguration) {
        self = .specDefaults
        supplyCap = c.economy.cap
        burnRate = c.economy.burnRate
        distribution = c.economy.distribution
        stakingMinimum = c.economy.staking.minStake
        epochLength = c.economy.staking.epoch.simDuration.timeSpan
        unstakeCooldown = c.economy.staking.cooldown.simDuration.timeSpan
        stakingFunding = c.economy.staking.funding
        miningRewardRate = c.economy.emission.miningRate
        validatorRewardRate = c.economy.emission.validatorRate
        slashFractions = c.economy.slashing.fractions
        slashDestination = c.economy.slashing.destination
        governanceMinimumStake = c.economy.governanceMinimumStake
        if let n = c.oracle?.minReports { oracleMinimumReports = n }
        if let cap = c.economy.staking.bonusCap { stakingBonusCap = cap }
        if let g = c.governance {
            governanceQuorum = g.quorum
            governanceThreshold = g.threshold
            emergencyThreshold = g.emergencyThreshold
        }
    }
}

/// The scenario and the replication a world runs.
struct WorldRun {
    let configuration: ScenarioConfiguration
    let replication: Int
}

/// Protocol-owned accounts opened at genesis.
struct ProtocolAccounts {
    let reserve: AccountID
    let treasury: AccountID
    let feePool: AccountID
    let validatorPool: AccountID
    let emissionPool: AccountID
    let miningPool: AccountID

    init(ledger: inout Ledger) {
        reserve = ledger.openAccount(.reserve, name: "reserve")
        treasury = ledger.openAccount(.treasury, name: "treasury")
        feePool = ledger.openAccount(.feePool, name: "fee_pool")
        validatorPool = ledger.openAccount(.validatorRewardPool, name: "validator_reward_pool")
        emissionPool = ledger.openAccount(.emissionPool, name: "emission_pool")
        miningPool = ledger.openAccount(.miningPool, name: "mining_pool")
    }
}

/// The current simulated time, shared with the ledger's entry sink.
final class ClockBox: @unchecked Sendable {
    var now: SimTime = .zero
}

/// Why a world cannot start.
public enum WorldError: Error, Hashable, Sendable, CustomStringConvertible {
    case genesis(String)
    public var description: String {
        switch self {
        case let .genesis(m): "cannot start the scenario: \(m)"
        }
    }
}
