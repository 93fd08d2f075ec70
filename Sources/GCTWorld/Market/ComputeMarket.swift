import GCTEconomics
import GCTEngine

/// The compute market: users and their requests, FLAME (the queue, the lambda prices),
/// the servers and their providers, settlement of every execution, the token volume behind
/// the velocity, and the market's counters and statistics.
///
/// A component of the world: it owns this state and its event handlers (`arrival`,
/// `completion`, `warmupEnd`); the ledger, the event queue, the parameters in force and the
/// observer are passed in by the world (see `World.handle`).
struct ComputeMarket {
    /// User classes (fixed descriptions) and their random streams.
    let classes: [UserClass]
    var classStreams: [ClassStreams]
    /// Requests between admission and completion; reused through `freeSlots`.
    var slots: ContiguousArray<RequestSlot>
    var freeSlots: [Int32]
    /// Idle servers (`count == capacity − running`); server ids are `0 ..< serversProvisioned`.
    var freeServers: [Int32]
    var serversProvisioned: Int32
    /// Service-time sampler per operation index (`ComputeOperation.known`).
    let serviceTime: [Sampler]
    let serviceSpeed: Double
    /// Calibrated service times (`nil`: none anywhere, every service time is sampled).
    let calibration: MarketCalibration?
    let failureProbability: Double
    /// The price of every request in fixed-price mode (`nil`: PRD-010's compute cost).
    let fixedPrice: TokenAmount?
    /// FLAME: one lambda function per operation (`functionIDs`), the queue and the running count.
    var flame: FLAMEEngine
    let functionIDs: [LambdaFunctionID]
    /// Provider accounts and the GPU time each served since the last mining payout.
    var providers: ProviderPool
    /// Token volume for the velocity: execution payments and top-ups in daily buckets (annualized), payments per decision period (relative).
    var velocity: VelocityWindow
    var nextVelocityDay = SimTime(ticks: 86_400 * SimTime.ticksPerSecond)

    /// Requests of each user class admitted and not yet completed (queued or running): the
    /// regional demand validators observe with regional pricing.
    var pendingByClass: [Int32]
    /// Counters since time 0 (queue conservation) and statistics since the warm-up.
    var counters = QueueCounters()
    var statistics: MarketStatistics
    /// Accounts from this one on are attackers' (whales are opened last); `Int32.max`: none.
    var firstAttackerAccount: Int32 = .max
    let warmupEnd: SimTime

    /// Opens the users' accounts (funded with their budgets from the reserve) and the
    /// providers' accounts, and registers one FLAME function per spec operation.
    ///
    /// - Throws: `WorldError.genesis` when the budgets exceed what the reserve holds.
    init(_ c: ScenarioConfiguration, replication: Int, ledger: inout Ledger, reserve: AccountID) throws(WorldError) {
        warmupEnd = SimTime.zero + c.warmup.simDuration
        statistics = MarketStatistics(start: .zero)

        var classes: [UserClass] = []
        var streams: [ClassStreams] = []
        for uc in c.users {
            let first = Int32(ledger.accounts.count)
            for i in 0..<uc.count {
                let a = ledger.openAccount(.user, name: "\(uc.name)/\(i)")
                if uc.budget.isPositive {
                    do { try ledger.transfer(uc.budget, from: reserve, to: a, memo: .genesis) } catch {
                        throw .genesis("budgets of user class '\(uc.name)' exceed the initial supply: \(error)")
                    }
                }
            }
            classes.append(UserClass(uc, firstUser: first))
            streams.append(ClassStreams(className: uc.name, seed: c.seed, replication: UInt32(replication)))
        }
        self.classes = classes
        classStreams = streams
        pendingByClass = Array(repeating: 0, count: classes.count)

        let servers = c.providers.servers
        providers = ProviderPool(count: Swift.max(1, c.providers.count), ledger: &ledger)
        freeServers = (0..<Int32(servers)).reversed()
        serversProvisioned = Int32(servers)
        serviceTime = ComputeOperation.known.map { op in
            Sampler(c.providers.serviceTime.distribution(for: ScenarioOperation(rawValue: op.name)!))
        }
        serviceSpeed = c.providers.speed
        calibration = MarketCalibration(c.providers)
        failureProbability = c.providers.failureProbability
        fixedPrice = c.pricing.mode == .fixed ? (c.pricing.fixedPrice ?? ComputePricing.minimumCost) : nil
        slots = ContiguousArray(repeating: RequestSlot(), count: 256)
        freeSlots = (0..<256).reversed()
        let window = c.autoscaling?.velocityWindow ?? .days(30)
        let period = c.autoscaling?.period ?? .hours(1)
        velocity = VelocityWindow(
            days: Int(window.nanoseconds / ScenarioDuration.days(1).nanoseconds),
            periods: Int(Swift.min(window.nanoseconds / Swift.max(period.nanoseconds, 1), 100_000)),
            definition: c.autoscaling?.velocity ?? .relative)

        // One lambda function per spec operation (requirements: the operation alone), so the
        // engine's demand, performance, scarcity and price-update rules apply per op.
        let meanService = serviceTime.map(\.mean).reduce(0, +) / Double(serviceTime.count)
        var flame = FLAMEEngine(
            capacity: servers, meanServiceTime: TimeSpan(microseconds: Int64(meanService / serviceSpeed * 1e6)),
            pricing: c.pricing.mode == .fixed ? .neutral : lambdaPricing(c.pricing.lambdaUpdate), priorityCurve: c.pricing.queuePriority.curve)
        var ids: [LambdaFunctionID] = []
        for op in ComputeOperation.known {
            let req = ResourceRequirements(gpuCores: 0, memoryGB: .zero, executionTimeEstimate: .zero, coreTypes: [])
            do { ids.append(try flame.register(code: "gctsim-op:\(op.name)", requirements: req)) } catch {
                throw .genesis("cannot register operation \(op.name): \(error)")
            }
        }
        functionIDs = ids
        self.flame = flame
        statistics.capacity.record(Double(flame.capacity), at: .zero)
    }

    /// The first arrival of every class.
    mutating func scheduleFirstEvents(_ queue: inout EventQueue<WorldEvent>) {
        for i in classes.indices {
            let d = classStreams[i].nextCandidateDelay(classes[i])
            _ = queue.schedule(.arrival(userClass: Int32(i)), at: .zero + d)
        }
    }

    /// Pending demand and capacity now, as the oracle and the auto-scaler see them.
    var load: MarketLoad { MarketLoad(capacity: flame.capacity, running: flame.running, waiting: flame.queue.count) }

    /// The warm-up ends: measurement statistics restart from the current state.
    mutating func warmupEnded(at time: SimTime) {
        statistics.restart(at: time, queueLength: flame.queue.count, running: flame.running, capacity: flame.capacity)
    }

    /// Closes the velocity window's days up to `time` (each with the circulating supply now).
    mutating func advanceVelocity(to time: SimTime, circulating: TokenAmount) {
        while time >= nextVelocityDay {
            velocity.closeDay(circulating: circulating)
            nextVelocityDay += .days(1)
        }
    }
}

/// Calibrated service times: per server group the seconds per unit of each kernel and which
/// operations they calibrate, and the noise around a calibrated mean.
struct MarketCalibration {
    struct Group {
        let rates: KernelWork
        /// Per operation index: calibrated by this group's profile.
        let calibrates: [Bool]
    }

    let groups: [Group]
    /// The group of server `i` is `serverGroup[i % serverGroup.count]`.
    let serverGroup: [UInt8]
    let noise: LogNormalDistribution?

    /// `nil` when no profile is set anywhere (service times sampled exactly as without the keys).
    init?(_ p: ProviderConfiguration) {
        let layout = p.groups.isEmpty ? [ProviderGroup(servers: p.servers)] : p.groups
        let profiles = layout.map { $0.calibration ?? p.serviceTime.calibration }
        guard profiles.contains(where: { $0 != nil }) else { return nil }
        groups = profiles.map { profile in
            Group(
                rates: profile?.rates ?? KernelWork(),
                calibrates: ScenarioOperation.allCases.map { profile?.calibrates($0) ?? false })
        }
        var owner: [UInt8] = []
        for (g, group) in layout.enumerated() { owner += repeatElement(UInt8(g), count: group.servers) }
        serverGroup = owner
        noise = p.serviceTime.noise > 0 ? LogNormalDistribution(mean: 1, coefficientOfVariation: p.serviceTime.noise) : nil
    }

    /// The group of `server`.
    @inline(__always)
    func group(ofServer server: Int32) -> Int { Int(serverGroup[Int(server) % serverGroup.count]) }
}

/// Capacity and pending demand of the market at one instant.
struct MarketLoad {
    var capacity: Int
    var running: Int
    var waiting: Int
    /// Queued + running.
    var demand: Int { running + waiting }
}

/// Provider accounts (servers map to them round-robin) and the GPU-seconds each served since
/// the last mining payout (for the pro-rata mining emission).
struct ProviderPool {
    let accounts: [AccountID]
    var gpuSeconds: [Double]

    init(count: Int, ledger: inout Ledger) {
        accounts = (0..<count).map { ledger.openAccount(.provider, name: "provider/\($0)") }
        gpuSeconds = Array(repeating: 0, count: count)
    }

    /// The provider of `server`.
    func index(ofServer server: Int32) -> Int { Int(server) % accounts.count }
}

/// Token volume over a trailing window in daily buckets, with the circulating supply at each
/// bucket's close, for `TokenVelocity.annualized`; and in buckets of one auto-scaling period,
/// for the demand-relative velocity (departure P5).
struct VelocityWindow {
    let days: Int
    var volumes: [TokenAmount]
    var supplies: [TokenAmount]
    var filled = 0
    var current: TokenAmount = .zero
    var index = 0
    let definition: VelocityDefinition
    /// Volume per closed decision period (ring), their sum, and the open period's volume.
    let periods: Int
    var periodVolumes: [Int64]
    var periodFilled = 0
    var periodIndex = 0
    var periodSum: Int128 = 0
    var periodCurrent: Int64 = 0
    var lastPeriod: Int64 = 0

    init(days: Int, periods: Int = 1, definition: VelocityDefinition = .annualized) {
        self.days = Swift.max(days, 1)
        volumes = Array(repeating: .zero, count: self.days)
        supplies = Array(repeating: .zero, count: self.days)
        self.definition = definition
        self.periods = Swift.max(periods, 1)
        periodVolumes = definition == .relative ? Array(repeating: 0, count: self.periods) : []
    }

    /// Adds token volume: to the daily buckets of the annualized velocity always, and to the
    /// decision period of the relative velocity when `relative` (execution payments; reserve
    /// top-ups are lumps of hundreds of executions' worth that would drown the demand signal).
    mutating func add(_ amount: TokenAmount, relative: Bool = true) {
        current += amount
        if relative { periodCurrent += amount.baseUnits }
    }

    /// Closes the current day with the circulating supply now.
    mutating func closeDay(circulating: TokenAmount) {
        volumes[index] = current
        supplies[index] = circulating
        current = .zero
        index = (index + 1) % days
        filled = Swift.min(filled + 1, days)
    }

    /// Closes the current decision period (relative velocity only).
    mutating func closePeriod() {
        guard definition == .relative else { return }
        periodSum -= Int128(periodVolumes[periodIndex])
        periodVolumes[periodIndex] = periodCurrent
        periodSum += Int128(periodCurrent)
        lastPeriod = periodCurrent
        periodCurrent = 0
        periodIndex = (periodIndex + 1) % periods
        periodFilled = Swift.min(periodFilled + 1, periods)
    }

    /// The velocity the auto-scaling rule reads, or `nil` before any volume was measured.
    var reading: FixedDecimal? {
        switch definition {
        case .annualized:
            return filled > 0 ? annualized : nil
        case .relative:
            guard periodFilled > 0, periodSum > 0 else { return nil }
            // last / (sum / filled), rounded down to 1e-9.
            let q = Int128(lastPeriod) * Int128(periodFilled) * 1_000_000_000 / periodSum
            return FixedDecimal(nanos: Int64(Swift.min(q, Int128(Int64.max))))
        }
    }

    /// The velocity reported in samples (0 before any volume was measured).
    var value: FixedDecimal { reading ?? .zero }

    /// Annualized velocity over the closed days (0 before the first day closes).
    var annualized: FixedDecimal {
        guard filled > 0 else { return .zero }
        var volume = TokenAmount.zero
        var supply: Int128 = 0
        for i in 0..<filled {
            volume += volumes[i]
            supply += Int128(supplies[i].baseUnits)
        }
        let mean = TokenAmount(baseUnits: Int64(supply / Int128(filled)))
        return TokenVelocity.annualized(volume: volume, meanCirculatingSupply: mean, window: .days(Int64(filled))) ?? .zero
    }
}

/// The engine's default pricing with the scenario's price-update rule.
func lambdaPricing(_ rule: PriceUpdateRule) -> ExecutionPricingParameters {
    var p = ExecutionPricingParameters.default
    p.priceUpdate = rule
    return p
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
