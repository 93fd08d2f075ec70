/// A fully resolved, validated scenario: everything the world needs to run it.
///
/// Built by GCTScenario from YAML (vars substituted, `extends` merged, `--set` applied);
/// it can also be built directly in code and tests.
public struct ScenarioConfiguration: Hashable, Sendable {
    public var name: String
    public var description: String
    /// Root seed; replication `r` uses random streams keyed by `(seed, r)`.
    public var seed: UInt64
    /// Number of independent replications (at least 1).
    public var replications: Int
    /// Measured horizon, after the warm-up (> 0).
    public var duration: ScenarioDuration
    /// Simulated time before measurement starts; the run lasts `warmup + duration`.
    public var warmup: ScenarioDuration
    public var metrics: MetricsConfiguration
    public var economy: EconomyConfiguration
    public var pricing: PricingConfiguration
    public var providers: ProviderConfiguration
    /// User classes, in file order (names unique).
    public var users: [UserClassConfiguration]
    /// Oracle validators; `nil`: none.
    public var validators: ValidatorsConfiguration?
    /// Oracle rounds; `nil`: none (requires `validators`).
    public var oracle: OracleConfiguration?
    /// Provider auto-scaling; `nil`: a fixed pool of `providers.servers`.
    public var autoscaling: AutoscalingConfiguration?
    /// Stakers; `nil`: none besides validators.
    public var stakers: StakersConfiguration?
    /// Governance proposals and voting; `nil`: none.
    public var governance: GovernanceConfiguration?
    /// Attacks; `nil`: none.
    public var attacks: AttacksConfiguration?

    public init(
        name: String, description: String = "", seed: UInt64 = 0, replications: Int = 1,
        duration: ScenarioDuration, warmup: ScenarioDuration = .zero,
        metrics: MetricsConfiguration = MetricsConfiguration(), economy: EconomyConfiguration = .spec,
        pricing: PricingConfiguration = PricingConfiguration(), providers: ProviderConfiguration,
        users: [UserClassConfiguration], validators: ValidatorsConfiguration? = nil,
        oracle: OracleConfiguration? = nil, autoscaling: AutoscalingConfiguration? = nil,
        stakers: StakersConfiguration? = nil, governance: GovernanceConfiguration? = nil,
        attacks: AttacksConfiguration? = nil
    ) {
        self.name = name
        self.description = description
        self.seed = seed
        self.replications = replications
        self.duration = duration
        self.warmup = warmup
        self.metrics = metrics
        self.economy = economy
        self.pricing = pricing
        self.providers = providers
        self.users = users
        self.validators = validators
        self.oracle = oracle
        self.autoscaling = autoscaling
        self.stakers = stakers
        self.governance = governance
        self.attacks = attacks
    }

    /// The stream keys of every replication, in order: `(seed, 0)`, `(seed, 1)`, ….
    public var replicationKeys: [ReplicationKey] {
        (0..<replications).map { ReplicationKey(seed: seed, replication: UInt64($0)) }
    }
}

/// What keys the random streams of one replication: the scenario seed and the replication index.
public struct ReplicationKey: Hashable, Sendable {
    public var seed: UInt64
    public var replication: UInt64
    public init(seed: UInt64, replication: UInt64) {
        self.seed = seed
        self.replication = replication
    }
}

/// Metric sampling (`metrics:`).
public struct MetricsConfiguration: Hashable, Sendable {
    /// Time between metric snapshots (> 0); default 1 hour.
    public var interval: ScenarioDuration
    /// Record per-event samples (execution latencies, prices) besides the interval snapshots.
    public var sampleEvents: Bool
    public init(interval: ScenarioDuration = .hours(1), sampleEvents: Bool = true) {
        self.interval = interval
        self.sampleEvents = sampleEvents
    }
}
