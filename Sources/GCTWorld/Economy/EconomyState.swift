import GCTEconomics
import GCTEngine

/// State of the full-economy mechanisms (validators and oracle, staking and emissions,
/// auto-scaling, governance, attacks). Plain data: the behaviour is in `World+…` extensions.
struct EconomyState {
    var ledgerClock: ClockBox?
    /// Trailing token volume for the velocity (daily buckets).
    var velocity = VelocityWindow(days: 30)
    var nextVelocityDay = SimTime(ticks: 86_400 * SimTime.ticksPerSecond)

    // Staking and emissions.
    var staking = StakingBook()
    var miningEmission: EmissionSchedule?
    var validatorEmission: EmissionSchedule?
    var stakingPromised: TokenAmount = .zero
    /// Time-weighted total staked (base units), for the APY actually paid.
    var stakedTime = TimeWeightedAverage()
    var stakingPaid: TokenAmount = .zero
    var emissionCapShortfall: TokenAmount = .zero
    var miningPaid: TokenAmount = .zero
    var validatorFeesPaid: TokenAmount = .zero
    /// Stakers: account and current position (if any).
    var stakers: [StakerState] = []
    var stakerStreams: [RandomStream] = []

    // Validators and the oracle.
    var validators: [ValidatorState] = []
    var validatorStreams: [RandomStream] = []
    var oracle: OracleConsensus?
    var detector: ManipulationDetector?
    var multiplier = MarketMultiplier()
    var priceHistory: [PricePoint] = []
    var oracleRounds: Int64 = 0
    var alarms: Int64 = 0
    var outliersTotal: Int64 = 0
    var unavailableTotal: Int64 = 0
    var multiplierStatistics = Welford()

    // Auto-scaling.
    var scalingActions: [ScalingRow.Action: Int64] = [:]
    var capacityMin: Int = .max
    var capacityMax: Int = 0
    var pendingCapacity: Int = 0

    // Governance.
    var governance = GovernanceSystem()
    /// Proposal index in the scenario → id in `governance` (nil when refused at submission).
    var proposalIDs: [ProposalID?] = []
    var proposers: [AccountID] = []
    var votingStream: RandomStream?
    var proposalsPassed: Int64 = 0
    var proposalOutcomes: [String] = []

    // Attacks.
    var whaleAccounts: [AccountID] = []
    var whaleSent: [Int] = []
    var whaleStreams: [RandomStream] = []

    mutating func noteVolume(_ amount: TokenAmount) { velocity.add(amount) }
}

/// A staker agent.
struct StakerState {
    var account: AccountID
    var position: StakingPositionID?
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

/// Token volume over a trailing window in daily buckets, with the circulating supply at each
/// bucket's close, for `TokenVelocity.annualized`.
struct VelocityWindow {
    let days: Int
    var volumes: [TokenAmount]
    var supplies: [TokenAmount]
    var filled = 0
    var current: TokenAmount = .zero
    var index = 0

    init(days: Int) {
        self.days = Swift.max(days, 1)
        volumes = Array(repeating: .zero, count: self.days)
        supplies = Array(repeating: .zero, count: self.days)
    }

    mutating func add(_ amount: TokenAmount) { current += amount }

    /// Closes the current day with the circulating supply now.
    mutating func closeDay(circulating: TokenAmount) {
        volumes[index] = current
        supplies[index] = circulating
        current = .zero
        index = (index + 1) % days
        filled = Swift.min(filled + 1, days)
    }

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

/// End-of-run figures of the full-economy mechanisms.
public struct EconomyReport: Sendable {
    public var metrics: [(name: String, value: Double)] = []
    public var proposalOutcomes: [String] = []
}
