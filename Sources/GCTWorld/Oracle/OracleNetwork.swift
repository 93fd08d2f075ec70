import GCTEconomics
import GCTEngine

/// The oracle network: validators (accounts, staked positions, reputations, availability),
/// oracle rounds, consensus, the market multiplier it sets and the manipulation detector.
///
/// A component of the world: it owns this state and the `oracleRound` event. The validators'
/// positions live in the staking book, which the world passes in.
struct OracleNetwork {
    /// The fields every validator reports each round.
    static let fields = ["gpu_hour_price", "capacity", "demand", "utilization"]

    /// The fields of a round: `fields`, then with regional pricing each region's capacity and
    /// demand (`capacity/us-east`, `demand/us-east`, … in region order).
    let reportFields: [String]
    /// Regional pricing (`oracle.regional_pricing` with validators): each region's share of the
    /// pool's capacity (its weight in `validators.regions`), each user class's region index (-1:
    /// none) and each region's multiplier from the last consensus (1 until then).
    let regionalPricing: Bool
    let regionCapacityShare: [Double]
    let classRegion: [Int]
    var regionalMultipliers: [Rate] = []

    /// The spec's base GPU-hour price ("Base GPU Hour: 0.1 GCT").
    static let baseGPUHourPrice = 0.1

    /// The validators' behaviour (`nil`: no oracle; rounds never run).
    let settings: ValidatorsConfiguration?
    let oracleSettings: OracleConfiguration
    var validators: [ValidatorState] = []
    var streams: [RandomStream] = []
    var consensus: OracleConsensus?
    var detector: ManipulationDetector?
    var multiplier: MarketMultiplier
    /// The market multiplier in force (× the time-of-day factor when enabled): the congestion
    /// factor of every price. 1 until the first consensus.
    var marketMultiplier: Rate = .one
    var consensusPrice: Double = 0
    var priceHistory: [PricePoint] = []
    var rounds: Int64 = 0
    var alarms: Int64 = 0
    var outliersTotal: Int64 = 0
    /// Every missed report (unavailable, late, or out of the validator set is not asked).
    var unavailableTotal: Int64 = 0
    /// Rounds with fewer than 3 reports (the spec refuses consensus).
    var roundsShort: Int64 = 0
    /// Rounds with at least 3 reports and still no consensus.
    var roundsFailed: Int64 = 0
    /// Rounds decided with equal reputations because every reporter's weight was 0 (departure P16).
    var roundsFallback: Int64 = 0
    /// The longest run of consecutive rounds with ≥ 3 reports and no consensus, and the current one.
    var longestStall: Int64 = 0
    var currentStall: Int64 = 0
    var multiplierStatistics = Welford()
    /// The coalition of the attack in force (`coalitionAttack`), fixed at its first round.
    var coalition: [Bool] = []
    var coalitionAttack = -1
    /// Validators knocked offline by the attack in force (outage), fixed with the coalition.
    var offline: [Bool] = []
    /// What attacks did to the oracle (read by the attack evaluation; not in the run report).
    var attackFigures = OracleAttackFigures()
    /// Record each round's consensus and true price (`attackFigures.rounds`); off in plain runs.
    var recordRounds = false
    /// The arrays of an oracle round, kept between rounds (emptied at the start of each: no state
    /// carries over) so that rounds do not allocate them afresh.
    var buffers = OracleRoundBuffers()

    /// Opens the validators' accounts, funds them from the reserve and stakes their stakes.
    ///
    /// - Throws: `WorldError.genesis` when the stakes exceed the reserve.
    init(
        _ c: ScenarioConfiguration, replication: Int, parameters: EconomicParameters,
        ledger: inout Ledger, staking: inout StakingBook, reserve: AccountID
    ) throws(WorldError) {
        settings = c.validators
        oracleSettings = c.oracle ?? OracleConfiguration()
        multiplier = MarketMultiplier(mode: c.pricing.marketMultiplier == .literal ? .literal : .fixed)
        let regionNames = c.validators?.regions.map(\.name) ?? []
        regionalPricing = c.validators != nil && oracleSettings.regionalPricing
        if regionalPricing, let v = c.validators {
            let total = v.regions.reduce(0) { $0 + $1.weight }
            regionCapacityShare = v.regions.map { $0.weight / total }
            classRegion = c.users.map { u in u.region.flatMap { regionNames.firstIndex(of: $0) } ?? -1 }
            regionalMultipliers = Array(repeating: .one, count: v.regions.count)
            reportFields = Self.fields + regionNames.flatMap { ["capacity/\($0)", "demand/\($0)"] }
        } else {
            regionCapacityShare = []
            classRegion = []
            reportFields = Self.fields
        }
        guard let v = c.validators else { return }
        let rep = UInt32(replication)
        var setup = RandomStream(seed: c.seed, replication: rep, stream: StreamID(purpose: Purpose.validatorSetup))
        let stakes = Sampler(v.stake)
        let regions = CategoricalDistribution(weights: v.regions.map(\.weight))
        for i in 0..<v.count {
            let id = "validator-\(i)"
            let account = ledger.openAccount(.validator, name: id)
            let gct = stakes.sample(&setup)
            var amount = TokenAmount(baseUnits: Int64(Swift.min((gct * 1e9).rounded(.down), 0x1p62)))  // saturating: fund() then refuses it
            amount = Swift.max(amount, parameters.stakingMinimum)
            try Genesis.fund(account, amount, "validator stakes", ledger: &ledger, reserve: reserve)
            let position = try Genesis.stake(
                amount, account, "validator \(id)", parameters: parameters, ledger: &ledger, staking: &staking)
            validators.append(ValidatorState(
                id: id, account: account, position: position,
                reputation: Reputation(clampingPPB: Int64((v.reputation * 1e9).rounded())),
                region: regions.sample(&setup)))
            streams.append(RandomStream(seed: c.seed, replication: rep, stream: StreamID(purpose: Purpose.validatorReports, index: i)))
        }
        consensus = OracleConsensus(outlierRule: OutlierRule(maxRelativeDeviation: oracleSettings.outlierMaxDeviation))
        if oracleSettings.detector { detector = ManipulationDetector() }
    }

    /// The first round.
    func scheduleFirstEvents(_ queue: inout EventQueue<WorldEvent>) {
        if settings != nil { _ = queue.schedule(.oracleRound, at: .zero + oracleSettings.period.simStep) }
    }

    /// The congestion factor a request of user class `c` pays: the market multiplier in force,
    /// × its region's multiplier with regional pricing (rounded to 10⁻⁹ if the exact product
    /// does not fit).
    func congestion(forClass c: Int) -> Rate {
        guard regionalPricing, c < classRegion.count, classRegion[c] >= 0 else { return marketMultiplier }
        let r = regionalMultipliers[classRegion[c]]
        return Rate.multiplying(marketMultiplier, r)
            ?? Rate(ppb: Int64((marketMultiplier.doubleValue * r.doubleValue * 1e9).rounded()))
    }

    /// Reputation distribution (min, median, max) now; zeros without validators.
    var reputationSummary: (Double, Double, Double) {
        guard !validators.isEmpty else { return (0, 0, 0) }
        let reps = validators.map(\.reputation.doubleValue).sorted()
        return (reps[0], reps[reps.count / 2], reps[reps.count - 1])
    }
}

/// A validator of the oracle network.
struct ValidatorState {
    var id: String
    var account: AccountID
    var position: StakingPositionID
    var reputation: Reputation
    var region: Int
    var asked: Int64 = 0
    var answered: Int64 = 0
    var outlierRounds: Int64 = 0
}

/// The oracle-manipulation attack in force during a round: the coalition (the first
/// `validators` validators, or a `weightShare` of the weight) reports × (1 + `bias`), or
/// × (1 + `fields[j]`) on field j when per-field biases are given.
struct OracleBias {
    var validators: Int = 0
    var bias: Double = 0
    /// The index of the attack in `attacks.oracle_manipulation`; -1: none.
    var attack: Int = -1
    var weightShare: Double?
    /// Per-field biases (with drift) in the oracle's field order; `nil`: `bias` on every field.
    var fields: [Double]?
    /// The coalition by validator index (sybils; an empty range: no coalition), instead of the first N or a weight share.
    var members: Range<Int>?
    /// Honest validators holding this share of the weight do not answer (outage).
    var offlineShare: Double?

    /// Whether the coalition is fixed at the attack's first round (`formCoalition`), not the first N.
    var formsCoalition: Bool { weightShare != nil || members != nil || offlineShare != nil }
}

/// The arrays of an oracle round (`OracleNetwork.round`), reused from round to round. Each validator's
/// values buffer is shared with its report during a round; the next round empties `reports` first, so
/// the buffer is uniquely referenced again when refilled.
struct OracleRoundBuffers {
    var truth: [Double] = []
    var reports: [OracleReport] = []
    var unavailable: [UnavailableValidator] = []
    var latencies: [Double] = []
    var reporters: [Int] = []
    var absentees: [Int] = []
    var values: [[FixedDecimal]] = []
}
