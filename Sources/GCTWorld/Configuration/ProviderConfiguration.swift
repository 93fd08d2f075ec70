/// The compute providers (`providers:` in a scenario): a pool of identical servers.
public struct ProviderConfiguration: Hashable, Sendable {
    /// Number of servers (c in M/M/c), at least 1.
    public var servers: Int
    /// Number of provider accounts (at least 1; default `servers`). Server `i` belongs to
    /// provider `i mod count` (round-robin), servers added by auto-scaling included.
    public var count: Int
    /// Probability that an execution fails, in `[0, 1)`.
    public var failureProbability: Double
    /// Service time per operation; values in seconds.
    public var serviceTime: ServiceTimeConfiguration
    /// Speed multiplier: a server of speed 2 serves in half the sampled time. Positive; default 1.
    public var speed: Double
    /// Server groups of different hardware (empty: one pool of `servers`). When set, `servers` is
    /// their sum; server `i` (auto-scaled ones included) belongs to the group of `i mod servers`
    /// in the groups' order.
    public var groups: [ProviderGroup] = []

    public init(
        servers: Int, count: Int? = nil, failureProbability: Double = 0, serviceTime: ServiceTimeConfiguration,
        speed: Double = 1
    ) {
        self.servers = servers
        self.count = count ?? servers
        self.failureProbability = failureProbability
        self.serviceTime = serviceTime
        self.speed = speed
    }
}

/// Service-time distributions: one per operation, with a default for the rest. Values in seconds.
public struct ServiceTimeConfiguration: Hashable, Sendable {
    /// Used for every operation without its own entry.
    public var `default`: DistributionSpec
    /// Per-operation overrides.
    public var perOperation: [ScenarioOperation: DistributionSpec]
    /// Seconds per unit of kernel work: the operations it calibrates take their mean service time
    /// from the request's resources (docs/world-model.md, "Calibrated service times").
    public var calibration: ServiceCalibration?
    /// Coefficient of variation of the lognormal factor (mean 1) around a calibrated mean; 0: none.
    public var noise: Double = 0

    public init(default: DistributionSpec, perOperation: [ScenarioOperation: DistributionSpec] = [:],
                calibration: ServiceCalibration? = nil, noise: Double = 0) {
        self.default = `default`
        self.perOperation = perOperation
        self.calibration = calibration
        self.noise = noise
    }

    /// The distribution for `operation`.
    public func distribution(for operation: ScenarioOperation) -> DistributionSpec {
        perOperation[operation] ?? self.default
    }
}
