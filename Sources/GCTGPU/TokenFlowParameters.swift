import CGCTKernels
import GCTEconomics

/// Parameters of the aggregate daily token-flow model (the fast model for wide sweeps; docs/gpu.md).
///
/// Per replication r and day d: executions ~ Poisson(`meanDailyExecutions`) from the stream
/// (seed, replication r, purpose 'D', index d); fees = executions × `averageCost` × market multiplier
/// (`MarketMultiplier`, fixed mode, of the ratio `capacity` / executions), rounded up; burn = fees ×
/// `burnRate`, rounded down; staking flow = circulating × `dailyStakeRate`, rounded down; mining and
/// validator emissions per `EmissionSchedule` (annual on total supply resp. staked supply at the year's
/// start, cumulative floor per day), minted within `cap`; validator emission is added to the stake.
public struct TokenFlowParameters: Hashable, Sendable {
    public var seed: UInt64
    public var replications: Int
    public var days: Int
    public var meanDailyExecutions: Double
    public var averageCost: TokenAmount
    /// Executions per day the market can serve.
    public var capacity: Int64
    public var burnRate: Rate
    public var miningRate: Rate
    public var validatorRate: Rate
    public var dailyStakeRate: Rate
    public var initialSupply: TokenAmount
    public var initialStaked: TokenAmount
    public var cap: TokenAmount

    /// The peer model's figures (shared/peers/radcad_tokenflow.py): 50 000 executions a day at 0.2 GCT,
    /// capacity 60 000, burn 0.5 %, mining 2 %, validators 8 %; supply 400 M of a 1 B cap, 100 M staked,
    /// 0.1 % of circulating supply staked a day.
    public init(seed: UInt64 = 1, replications: Int = 100, days: Int = 365, meanDailyExecutions: Double = 50_000,
                averageCost: TokenAmount = TokenAmount(baseUnits: 200_000_000), capacity: Int64 = 60_000,
                burnRate: Rate = Rate(1, over: 200), miningRate: Rate = Rate(1, over: 50),
                validatorRate: Rate = Rate(2, over: 25), dailyStakeRate: Rate = Rate(1, over: 1000),
                initialSupply: TokenAmount = TokenAmount(gct: 400_000_000),
                initialStaked: TokenAmount = TokenAmount(gct: 100_000_000), cap: TokenAmount = TokenAmount(gct: 1_000_000_000)) {
        self.seed = seed
        self.replications = replications
        self.days = days
        self.meanDailyExecutions = meanDailyExecutions
        self.averageCost = averageCost
        self.capacity = capacity
        self.burnRate = burnRate
        self.miningRate = miningRate
        self.validatorRate = validatorRate
        self.dailyStakeRate = dailyStakeRate
        self.initialSupply = initialSupply
        self.initialStaked = initialStaked
        self.cap = cap
    }

    var cParameters: gct_tokenflow_params {
        var p = gct_tokenflow_params()
        p.seed = seed
        p.replications = UInt32(clamping: replications)
        p.days = UInt32(clamping: days)
        p.mean_daily_execs = meanDailyExecutions
        p.avg_cost = averageCost.baseUnits
        p.capacity = capacity
        (p.burn_num, p.burn_den) = (burnRate.numerator, burnRate.denominator)
        (p.mining_num, p.mining_den) = (miningRate.numerator, miningRate.denominator)
        (p.validator_num, p.validator_den) = (validatorRate.numerator, validatorRate.denominator)
        (p.stake_num, p.stake_den) = (dailyStakeRate.numerator, dailyStakeRate.denominator)
        p.initial_supply = initialSupply.baseUnits
        p.initial_staked = initialStaked.baseUnits
        p.cap = cap.baseUnits
        return p
    }
}

/// The state after one day of one replication.
public struct TokenFlowDay: Hashable, Sendable, Codable {
    public var executions: Int64
    public var fees: TokenAmount
    /// Cumulative.
    public var burned: TokenAmount
    /// Cumulative, genesis included.
    public var minted: TokenAmount
    public var staked: TokenAmount
    public var circulating: TokenAmount
    /// The day's emission due before the cap.
    public var emissionDue: TokenAmount
    /// The day's market multiplier.
    public var multiplier: Rate

    public init(executions: Int64, fees: TokenAmount, burned: TokenAmount, minted: TokenAmount, staked: TokenAmount,
                circulating: TokenAmount, emissionDue: TokenAmount, multiplier: Rate) {
        self.executions = executions
        self.fees = fees
        self.burned = burned
        self.minted = minted
        self.staked = staked
        self.circulating = circulating
        self.emissionDue = emissionDue
        self.multiplier = multiplier
    }

    init(_ d: gct_tokenflow_day) {
        self.init(executions: d.execs, fees: TokenAmount(baseUnits: d.fees), burned: TokenAmount(baseUnits: d.burned),
                  minted: TokenAmount(baseUnits: d.minted), staked: TokenAmount(baseUnits: d.staked),
                  circulating: TokenAmount(baseUnits: d.circulating), emissionDue: TokenAmount(baseUnits: d.emission_due),
                  multiplier: d.multiplier_num == 0 ? Rate(0, over: 1) : Rate(d.multiplier_num, over: Int64(GCT_MULTIPLIER_DEN)))
    }

    /// Total supply: minted − burned.
    public var totalSupply: TokenAmount { minted - burned }
}
