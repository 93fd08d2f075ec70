import GCTEconomics

/// Adversarial behaviour injected into a run (`attacks:` in a scenario). Absent: everyone is honest.
public struct AttacksConfiguration: Hashable, Sendable {
    /// Colluding validators reporting biased values.
    public var oracleManipulation: [OracleManipulationAttack]
    /// Single actors paying large amounts for queue priority.
    public var whales: [WhaleAttack]

    public init(oracleManipulation: [OracleManipulationAttack] = [], whales: [WhaleAttack] = []) {
        self.oracleManipulation = oracleManipulation
        self.whales = whales
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
