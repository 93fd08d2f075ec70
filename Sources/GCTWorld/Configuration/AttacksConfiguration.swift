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

/// From `start` to `end`, the first `validators` validators report `(1 + bias) ×` the true value.
public struct OracleManipulationAttack: Hashable, Sendable {
    public var start: ScenarioDuration
    /// After `start`.
    public var end: ScenarioDuration
    /// How many validators collude (the first N; at most `validators.count`).
    public var validators: Int
    /// Relative bias of the colluders' reports, `> -1` (0.3 = 30 % high, -0.2 = 20 % low).
    public var bias: Double

    public init(start: ScenarioDuration, end: ScenarioDuration, validators: Int, bias: Double) {
        self.start = start
        self.end = end
        self.validators = validators
        self.bias = bias
    }
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
