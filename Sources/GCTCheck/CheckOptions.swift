/// How `gctsim check` runs and judges a scenario.
public struct CheckOptions: Hashable, Sendable {
    /// Worker threads for replications.
    public var threads: Int
    /// The metric regression rule.
    public var policy: RegressionPolicy
    /// Little's law `L_q = λ W_q` must hold within `max(littleRelative × λW, littleAbsolute)`.
    public var littleRelative: Double
    public var littleAbsolute: Double
    /// Replications of each of the two demand-response runs (arrival rates × `demandScales`).
    public var demandReplications: Int
    /// Arrival-rate scales of the low- and high-demand runs.
    public var demandLowScale = 0.5
    public var demandHighScale = 1.5

    public init(
        threads: Int = 1, policy: RegressionPolicy = RegressionPolicy(), littleRelative: Double = 0.05,
        littleAbsolute: Double = 0.01, demandReplications: Int = 2
    ) {
        self.threads = threads
        self.policy = policy
        self.littleRelative = littleRelative
        self.littleAbsolute = littleAbsolute
        self.demandReplications = demandReplications
    }
}
