import GCTEconomics

/// Adversarial behaviour injected into a run (`attacks:` in a scenario). Absent: everyone is honest.
public struct AttacksConfiguration: Hashable, Sendable {
    /// Colluding validators reporting biased values.
    public var oracleManipulation: [OracleManipulationAttack]
    /// Single actors paying large amounts for queue priority.
    public var whales: [WhaleAttack]
    /// Many small validators of one attacker reporting biased values.
    public var sybil: [SybilAttack]
    /// Honest validators knocked offline (optionally with a coalition that profits from it).
    public var outages: [OutageAttack]
    /// Demand spoofing: requests or circular transfers that inflate demand or token velocity.
    public var washTrading: [WashTradingAttack]
    /// A staker that buys enough stake to pass a self-serving parameter change.
    public var governanceCapture: [GovernanceCaptureAttack]

    public init(
        oracleManipulation: [OracleManipulationAttack] = [], whales: [WhaleAttack] = [], sybil: [SybilAttack] = [],
        outages: [OutageAttack] = [], washTrading: [WashTradingAttack] = [], governanceCapture: [GovernanceCaptureAttack] = []
    ) {
        self.oracleManipulation = oracleManipulation
        self.whales = whales
        self.sybil = sybil
        self.outages = outages
        self.washTrading = washTrading
        self.governanceCapture = governanceCapture
    }

    /// No attack at all.
    public var isEmpty: Bool {
        oracleManipulation.isEmpty && whales.isEmpty && sybil.isEmpty && outages.isEmpty && washTrading.isEmpty
            && governanceCapture.isEmpty
    }
}

/// Sybil: the attacker runs `validators` extra validators of `stake` each (the staking minimum
/// unless given), bonded from time 0 (bought before the run, funded from the reserve) and
/// reporting honestly until `start`; from `start` to `end` they report `(1 + bias) ×` the true
/// values. Compare many minimum-stake validators with one validator of the same total stake.
public struct SybilAttack: Hashable, Sendable {
    public var start: ScenarioDuration
    public var end: ScenarioDuration
    /// How many validators (≥ 1).
    public var validators: Int
    /// Each one's stake; `nil`: `economy.staking.min_stake`.
    public var stake: TokenAmount?
    /// Relative bias on every field, or per field (`fieldBias`).
    public var bias: Double
    public var fieldBias: OracleFieldValues?

    public init(
        start: ScenarioDuration, end: ScenarioDuration, validators: Int, stake: TokenAmount? = nil, bias: Double = 0,
        fieldBias: OracleFieldValues? = nil
    ) {
        self.start = start
        self.end = end
        self.validators = validators
        self.stake = stake
        self.bias = bias
        self.fieldBias = fieldBias
    }

    public var biases: OracleFieldValues { fieldBias ?? OracleFieldValues(all: bias) }
}

/// Honest-validator outage: from `start` to `end` honest validators holding `offlineShare` of
/// the oracle weight (taken from the highest index down, outside any coalition) do not answer
/// (a DDoS or a network partition). Optionally a coalition (`weightShare`, taken from index 0 as
/// in oracle manipulation) reports `(1 + bias) ×` the true values meanwhile: with the honest
/// weight reduced it may hold the majority of the weight that answers. With `offlineShare` 1 and
/// no coalition every validator is silent and the round count falls below 3 (no consensus).
public struct OutageAttack: Hashable, Sendable {
    public var start: ScenarioDuration
    public var end: ScenarioDuration
    /// The honest validators' share of the weight knocked offline, in (0, 1].
    public var offlineShare: Double
    /// The coalition's share of the weight (absent: no coalition).
    public var weightShare: Double?
    public var bias: Double
    public var fieldBias: OracleFieldValues?

    public init(
        start: ScenarioDuration, end: ScenarioDuration, offlineShare: Double, weightShare: Double? = nil, bias: Double = 0,
        fieldBias: OracleFieldValues? = nil
    ) {
        self.start = start
        self.end = end
        self.offlineShare = offlineShare
        self.weightShare = weightShare
        self.bias = bias
        self.fieldBias = fieldBias
    }

    public var biases: OracleFieldValues { fieldBias ?? OracleFieldValues(all: bias) }
}

/// Demand spoofing / wash trading from `start` to `end`, `ratePerSecond` times a second (Poisson):
/// `execute`: an attacker account submits a request of `userClass`'s mix at the market price
/// (real executions on the market's servers, paid to providers the attacker may own), inflating
/// demand, the oracle's demand reading and the token volume; `transfer`: two attacker accounts
/// send `amount` back and forth (circular transfers, no compute), inflating only the token
/// velocity the auto-scaler reads. `providerShare`: the attacker's share of the providers' income
/// (wash trading pays itself), in [0, 1].
public struct WashTradingAttack: Hashable, Sendable {
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        case execute, transfer
    }
    public var start: ScenarioDuration
    public var end: ScenarioDuration
    public var mode: Mode
    public var ratePerSecond: Double
    /// The class whose requests are imitated (`execute`).
    public var userClass: String
    /// Per transfer (`transfer`); the attacker's budget in `execute` mode.
    public var amount: TokenAmount
    public var providerShare: Double

    public init(
        start: ScenarioDuration, end: ScenarioDuration, mode: Mode, ratePerSecond: Double, userClass: String,
        amount: TokenAmount, providerShare: Double = 0
    ) {
        self.start = start
        self.end = end
        self.mode = mode
        self.ratePerSecond = ratePerSecond
        self.userClass = userClass
        self.amount = amount
        self.providerShare = providerShare
    }
}

/// Governance capture: an attacker holding `stake` (bonded from time 0, bought before the run and
/// funded from the reserve) submits at `at` a proposal setting `parameters`, votes yes with its
/// whole stake; the honest voters (validators and stakers, at `governance.turnout`) vote yes with
/// probability `honestSupport`. Passed, it executes after the voting period and the delay.
/// `providerShare`: the attacker's share of the providers' income (what a change such as
/// `burn_rate: 0` pays it), in [0, 1]. Without a `governance:` section its defaults apply.
public struct GovernanceCaptureAttack: Hashable, Sendable {
    public var at: ScenarioDuration
    public var stake: TokenAmount
    public var parameters: [ParameterChange]
    public var votingPeriod: ScenarioDuration
    public var executionDelay: ScenarioDuration
    public var honestSupport: Double
    public var providerShare: Double

    public init(
        at: ScenarioDuration, stake: TokenAmount, parameters: [ParameterChange], votingPeriod: ScenarioDuration = .days(1),
        executionDelay: ScenarioDuration = .zero, honestSupport: Double = 0, providerShare: Double = 0
    ) {
        self.at = at
        self.stake = stake
        self.parameters = parameters
        self.votingPeriod = votingPeriod
        self.executionDelay = executionDelay
        self.honestSupport = honestSupport
        self.providerShare = providerShare
    }

    /// The proposal it submits.
    public var proposal: ProposalConfiguration {
        ProposalConfiguration(
            title: "governance capture", at: at, kind: .parameterChange, parameters: parameters, votingPeriod: votingPeriod,
            executionDelay: executionDelay, support: honestSupport, proposerStake: stake)
    }
}

/// From `start` to `end`, a coalition of validators reports `(1 + bias) ×` the true value of each
/// field. The coalition is the first `validators` validators or, with `weightShare`, the
/// validators taken in index order until their share of the weight (stake × reputation, at the
/// attack's first round) reaches it. With `step`, the bias grows by `step` per round (slow drift).
public struct OracleManipulationAttack: Hashable, Sendable {
    public var start: ScenarioDuration
    /// After `start`.
    public var end: ScenarioDuration
    /// How many validators collude (the first N; at most `validators.count`); 0 with `weightShare`.
    public var validators: Int
    /// The coalition's share of the oracle weight, in (0, 1] (instead of `validators`).
    public var weightShare: Double?
    /// Relative bias of the colluders' reports on every field, `> -1` (0.3 = 30 % high, -0.2 = 20 % low).
    public var bias: Double
    /// Per-field bias (instead of `bias` on every field).
    public var fieldBias: OracleFieldValues?
    /// Per-field growth of the bias per round (slow drift); `nil`: constant bias.
    public var step: OracleFieldValues?

    public init(
        start: ScenarioDuration, end: ScenarioDuration, validators: Int, bias: Double,
        weightShare: Double? = nil, fieldBias: OracleFieldValues? = nil, step: OracleFieldValues? = nil
    ) {
        self.start = start
        self.end = end
        self.validators = validators
        self.bias = bias
        self.weightShare = weightShare
        self.fieldBias = fieldBias
        self.step = step
    }

    /// The bias on each reported field (gpu_hour_price, capacity, demand, utilization).
    public var biases: OracleFieldValues { fieldBias ?? OracleFieldValues(all: bias) }
}

/// One number per field an oracle validator reports (`price`, `capacity`, `demand`, `utilization`).
public struct OracleFieldValues: Hashable, Sendable {
    public var price: Double
    public var capacity: Double
    public var demand: Double
    public var utilization: Double

    public init(price: Double = 0, capacity: Double = 0, demand: Double = 0, utilization: Double = 0) {
        self.price = price
        self.capacity = capacity
        self.demand = demand
        self.utilization = utilization
    }

    public init(all x: Double) { self.init(price: x, capacity: x, demand: x, utilization: x) }

    /// In the oracle's field order.
    public var values: [Double] { [price, capacity, demand, utilization] }
    public static let names = ["price", "capacity", "demand", "utilization"]
}

/// At `at`, one extra user of class `userClass` submits `requests` requests, `spacing` apart,
/// each paying `payment` whatever the price.
public struct WhaleAttack: Hashable, Sendable {
    public var at: ScenarioDuration
    /// The name of a user class (its ops and resources are used).
    public var userClass: String
    /// Paid for each request (> 0).
    public var payment: TokenAmount
    /// At least 1.
    public var requests: Int
    public var spacing: ScenarioDuration

    public init(at: ScenarioDuration, userClass: String, payment: TokenAmount, requests: Int, spacing: ScenarioDuration = .seconds(1)) {
        self.at = at
        self.userClass = userClass
        self.payment = payment
        self.requests = requests
        self.spacing = spacing
    }
}
