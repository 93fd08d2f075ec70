import GCTEconomics
import GCTEngine

/// The simulated economy of one replication: users, providers and the token ledger, driven by
/// the engine's event queue through the real pricing code of GCTEconomics.
///
/// The observer is held as an existential: a record costs one dynamic call, while the world
/// itself is a concrete type, so the engine's run loop and the event queue specialize for it
/// (a generic `World<Observer>` instantiated in another module ran unspecialized and spent a
/// third of its time in generic-metadata lookups; see docs/performance.md).
public struct World: DiscreteEventModel {
    public var queue: EventQueue<WorldEvent>
    public let configuration: ScenarioConfiguration
    public let replication: Int
    let observer: any WorldObserver

    // Token economy.
    public internal(set) var ledger: Ledger
    public internal(set) var parameters: EconomicParameters
    public internal(set) var flame: FLAMEEngine
    let accounts: ProtocolAccounts
    var providers: [AccountID]
    /// GPU-seconds served per provider since the last mining payout (for pro-rata mining emission).
    var providerGPUSeconds: [Double]

    // Market.
    let classes: [UserClass]
    var classStreams: [ClassStreams]
    var slots: ContiguousArray<RequestSlot>
    var freeSlots: [Int32]
    var freeServers: [Int32]
    var serversProvisioned: Int32
    let serviceTime: [Sampler]  // per op index
    let serviceSpeed: Double
    let failureProbability: Double
    var functionIDs: [LambdaFunctionID]  // per op index
    /// The oracle's market multiplier and time-of-day factor applied as congestion (1 without oracle).
    public internal(set) var marketMultiplier: Rate = .one
    public internal(set) var consensusPrice: Double = 0
    /// The multiplier's range for the invariant check (`nil`: not checked).
    let multiplierBounds: (Rate, Rate)?

    // Statistics.
    public internal(set) var counters = QueueCounters()
    public internal(set) var statistics: MarketStatistics
    let warmupEnd: SimTime
    public let endTime: SimTime
    public internal(set) var violation: InvariantViolation?
    public internal(set) var eventsHandled: Int = 0

    // Full-economy mechanisms (present when the scenario configures them).
    var economy: EconomyState

    #if DEBUG
    /// Test-only fault injection (never compiled into release builds).
    public var _fault: FaultInjection?
    #endif

    /// Builds the world of replication `replication` at time 0: genesis balances, accounts and
    /// the first events.
    ///
    /// - Throws: `WorldError` when the scenario cannot start (e.g. budgets exceed the initial supply).
    public init(_ configuration: ScenarioConfiguration, replication: Int, observer: any WorldObserver) throws(WorldError) {
        self.configuration = configuration
        self.replication = replication
        self.observer = observer
        let c = configuration
        queue = EventQueue(start: .zero, capacity: 1024)
        warmupEnd = .zero + c.warmup.simDuration
        endTime = .zero + (c.warmup + c.duration).simDuration
        statistics = MarketStatistics(start: .zero)
        multiplierBounds = Self.multiplierBounds(configuration)

        var p = EconomicParameters.specDefaults
        p.supplyCap = c.economy.cap
        p.burnRate = c.economy.burnRate
        p.distribution = c.economy.distribution
        p.stakingMinimum = c.economy.staking.minStake
        p.epochLength = c.economy.staking.epoch.timeSpan
        p.unstakeCooldown = c.economy.staking.cooldown.timeSpan
        p.stakingFunding = c.economy.staking.funding
        p.miningRewardRate = c.economy.emission.miningRate
        p.validatorRewardRate = c.economy.emission.validatorRate
        EconomyState.applyScenarioParameters(c, to: &p)
        parameters = p

        var ledger = Ledger(cap: c.economy.cap)
        accounts = ProtocolAccounts(ledger: &ledger)
        do {
            try ledger.mint(c.economy.initialSupply, to: accounts.reserve, memo: .genesis)
        } catch {
            throw .genesis("initial supply \(c.economy.initialSupply) GCT: \(error)")
        }

        // Users.
        var classes: [UserClass] = []
        var streams: [ClassStreams] = []
        let seed = c.seed, rep = UInt32(replication)
        for uc in c.users {
            let first = Int32(ledger.accounts.count)
            for i in 0..<uc.count {
                let a = ledger.openAccount(.user, name: "\(uc.name)/\(i)")
                if uc.budget.isPositive {
                    do { try ledger.transfer(uc.budget, from: accounts.reserve, to: a, memo: .genesis) } catch {
                        throw .genesis("budgets of user class '\(uc.name)' exceed the initial supply: \(error)")
                    }
                }
            }
            classes.append(UserClass(uc, firstUser: first))
            streams.append(ClassStreams(className: uc.name, seed: seed, replication: rep))
        }
        self.classes = classes
        classStreams = streams

        // Providers and servers.
        let servers = c.providers.servers
        let providerCount = EconomyState.providerCount(c)
        providers = (0..<providerCount).map { ledger.openAccount(.provider, name: "provider/\($0)") }
        providerGPUSeconds = Array(repeating: 0, count: providerCount)
        freeServers = (0..<Int32(servers)).reversed()
        serversProvisioned = Int32(servers)
        serviceTime = ComputeOperation.known.map { op in
            Sampler(c.providers.serviceTime.distribution(for: ScenarioOperation(rawValue: op.name)!))
        }
        serviceSpeed = c.providers.speed
        failureProbability = c.providers.failureProbability
        slots = ContiguousArray(repeating: RequestSlot(), count: 256)
        freeSlots = (0..<256).reversed()

        // FLAME: one lambda function per spec operation (requirements: the operation alone),
        // so the engine's demand, performance, scarcity and price-update rules apply per op.
        let meanService = serviceTime.map(\.mean).reduce(0, +) / Double(serviceTime.count)
        var flame = FLAMEEngine(
            capacity: servers, meanServiceTime: TimeSpan(microseconds: Int64(meanService / serviceSpeed * 1e6)),
            pricing: c.pricing.mode == .fixed ? .neutral : .default,
            burnRate: p.burnRate, shares: p.distribution, priorityCurve: c.pricing.queuePriority.curve)
        var ids: [LambdaFunctionID] = []
        for op in ComputeOperation.known {
            let req = ResourceRequirements(gpuCores: 0, memoryGB: .zero, executionTimeEstimate: .zero, coreTypes: [])
            do { ids.append(try flame.register(code: "gctsim-op:\(op.name)", requirements: req)) } catch {
                throw .genesis("cannot register operation \(op.name): \(error)")
            }
        }
        functionIDs = ids
        self.flame = flame

        economy = EconomyState()
        self.ledger = ledger
        try setUpEconomy()

        if observer.wantsLedgerEntries {
            let o = observer
            let clock = ClockBox()
            economy.ledgerClock = clock
            self.ledger.sink = { o.ledgerEntry($0, at: clock.now) }
        }

        // First events.
        for i in classes.indices {
            let d = classStreams[i].nextCandidateDelay(classes[i])
            _ = queue.schedule(.arrival(userClass: Int32(i)), at: .zero + d)
        }
        if warmupEnd > .zero { _ = queue.schedule(.warmupEnd, at: warmupEnd) }
        _ = queue.schedule(.sample, at: .zero)
        scheduleEconomyEvents()
    }

    /// Handles one event and checks the invariants after it.
    public mutating func handle(_ event: WorldEvent, at time: SimTime) {
        economy.ledgerClock?.now = time
        switch event {
        case let .arrival(c): arrival(ofClass: Int(c), at: time)
        case let .completion(s): completion(slot: Int(s), at: time)
        case .sample: sample(at: time)
        case .warmupEnd: statistics.restart(at: time, queueLength: flame.queue.count, running: flame.running, capacity: flame.capacity)
        case .rewardEpoch: rewardEpoch(at: time)
        case .oracleRound: oracleRound(at: time)
        case .autoscale: autoscale(at: time)
        case let .capacityArrives(n): capacityArrives(Int(n), at: time)
        case let .stakerReview(s): stakerReview(Int(s), at: time)
        case let .governance(p, step): governance(Int(p), step, at: time)
        case let .whaleRequest(a): whaleRequest(Int(a), at: time)
        }
        eventsHandled += 1
        checkInvariants(after: event, at: time)
    }

    /// Runs to the end of the scenario (or a stop request, or an invariant violation).
    public mutating func runToEnd(stopFlag: StopFlag? = StopFlag.process) -> RunSummary {
        let summary = run(until: endTime, stopFlag: stopFlag)
        statistics.close(at: now)
        return summary
    }
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

extension PricingConfiguration.QueuePriority {
    var curve: QueuePriorityCurve {
        switch self {
        case .spec: .spec
        case .sqrt: .squareRoot
        case .log: .logarithmic
        }
    }
}
