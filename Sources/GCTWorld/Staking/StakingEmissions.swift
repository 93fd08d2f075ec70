import GCTEconomics
import GCTEngine

/// Staking and emissions: the staking book (every position: validators', stakers',
/// proposers'), the stakers and their policy, the mining and validator emissions, and the
/// figures of what was promised and paid.
///
/// A component of the world: it owns this state and the `rewardEpoch` and `stakerReview`
/// events. Providers (for mining) and validators (for their fees) are passed in.
struct StakingEmissions {
    /// Whether reward epochs run: when anything stakes (validators, stakers or governance).
    let enabled: Bool
    let stakerSettings: StakersConfiguration?
    var book = StakingBook()
    var stakers: [StakerState] = []
    var stakerStreams: [RandomStream] = []
    var miningEmission: EmissionSchedule?
    var validatorEmission: EmissionSchedule?
    var promised: TokenAmount = .zero
    var paid: TokenAmount = .zero
    var emissionCapShortfall: TokenAmount = .zero
    var miningPaid: TokenAmount = .zero
    var validatorFeesPaid: TokenAmount = .zero
    /// Validator emission minted (cumulative), and the part paid to validators as undistributed emission.
    var validatorEmissionMinted: TokenAmount = .zero
    var emissionToValidators: TokenAmount = .zero
    /// The largest emission-pool balance left at an epoch end (minted and held by no one).
    var undistributedAtEpochMax: TokenAmount = .zero
    let undistributed: UndistributedEmission
    let feePoolUse: FeePoolUse
    /// Time-weighted total staked (base units), for the APY actually paid.
    var stakedTime = TimeWeightedAverage()

    /// An empty book (validators stake into it first, see `World.init`).
    init(_ c: ScenarioConfiguration) {
        enabled = c.validators != nil || c.stakers != nil || c.governance != nil
        stakerSettings = c.stakers
        undistributed = c.economy.emission.undistributed
        feePoolUse = c.economy.feePool
    }

    /// Opens the stakers' accounts, funds them with their balances and stakes their initial stakes.
    mutating func openStakers(
        _ c: ScenarioConfiguration, replication: Int, parameters: EconomicParameters, ledger: inout Ledger, reserve: AccountID
    ) throws(WorldError) {
        guard let s = c.stakers else { return }
        let initial = s.initialStake(minStake: parameters.stakingMinimum)
        for i in 0..<s.count {
            let account = ledger.openAccount(.user, name: "staker/\(i)")
            try Genesis.fund(account, s.balance, "staker balances", ledger: &ledger, reserve: reserve)
            var state = StakerState(account: account)
            if initial.isPositive {
                state.positions.append(try Genesis.stake(initial, account, "staker \(i)", parameters: parameters, ledger: &ledger, staking: &book))
            }
            stakers.append(state)
            stakerStreams.append(RandomStream(
                seed: c.seed, replication: UInt32(replication), stream: StreamID(purpose: Purpose.stakerDecisions, index: i)))
        }
    }

    /// Starts the emission schedules on the supply at genesis and the staked-time average.
    mutating func start(parameters: EconomicParameters, ledger: Ledger) {
        if enabled {
            let supply = ledger.supply.total
            miningEmission = EmissionSchedule(rate: parameters.miningRewardRate, start: .zero, basis: supply)
            validatorEmission = EmissionSchedule(rate: parameters.validatorRewardRate, start: .zero, basis: supply)
        }
        stakedTime = TimeWeightedAverage(start: .zero, initialValue: Double(ledger.totalStaked.baseUnits))
    }

    /// The first reward epoch.
    func scheduleFirstEpoch(_ queue: inout EventQueue<WorldEvent>, parameters: EconomicParameters) {
        if enabled {
            _ = queue.schedule(.rewardEpoch, at: .zero + SimDuration(ticks: parameters.epochLength.microseconds))
        }
    }

    /// Every staker's first review, staggered over the first period so stakers do not all act at once.
    func scheduleFirstReviews(_ queue: inout EventQueue<WorldEvent>) {
        if let s = stakerSettings {
            let period = s.reviewPeriod.simStep
            for i in 0..<s.count {
                let offset = SimDuration(ticks: period.ticks * Int64(i + 1) / Int64(s.count + 1))
                _ = queue.schedule(.stakerReview(staker: Int32(i)), at: .zero + offset)
            }
        }
    }
}

/// A staker agent.
struct StakerState {
    var account: AccountID
    /// Its positions, oldest first (a staker adds to its stake with a new position and reduces
    /// it by unstaking its newest one).
    var positions: [StakingPositionID] = []
}
