/// Automatic scaling of the provider pool (`autoscaling:` in a scenario), after PRD-010's
/// `auto_scale_resources` (scale up when token velocity > 2 and demand > 0.8 × supply, down when
/// velocity < 0.5 and demand < 0.3 × supply; velocity: departure P5; cadence, delay, bounds: S2).
///
/// When the section is absent the pool keeps `providers.servers` servers throughout.
public struct AutoscalingConfiguration: Hashable, Sendable {
    /// Whether scaling runs (default `true` when the section is present).
    public var enabled: Bool
    /// Time between scaling decisions (> 0).
    public var period: ScenarioDuration
    /// Delay between deciding to add a server and the server taking work.
    public var provisioningDelay: ScenarioDuration
    /// Fewest servers (at least 1, at most `providers.servers`).
    public var minServers: Int
    /// Most servers (at least `providers.servers`).
    public var maxServers: Int
    /// Trailing window of the token velocity (> 0).
    public var velocityWindow: ScenarioDuration
    /// Which token velocity the rule reads (departure P5).
    public var velocity: VelocityDefinition

    /// - Parameter maxServers: the decoder's default is 4 × `providers.servers`.
    public init(
        enabled: Bool = true, period: ScenarioDuration = .hours(1), provisioningDelay: ScenarioDuration = .minutes(10),
        minServers: Int = 1, maxServers: Int, velocityWindow: ScenarioDuration = .days(30),
        velocity: VelocityDefinition = .relative
    ) {
        self.velocity = velocity
        self.enabled = enabled
        self.period = period
        self.provisioningDelay = provisioningDelay
        self.minServers = minServers
        self.maxServers = maxServers
        self.velocityWindow = velocityWindow
    }
}

/// The token velocity of the auto-scaling rule (the spec leaves `calculate_token_velocity`
/// undefined; departure P5).
public enum VelocityDefinition: String, Hashable, Sendable, CaseIterable {
    /// Demand-relative: the token volume of the last decision period over the mean volume per
    /// period in the trailing `velocity_window` (1 = an ordinary period), so 2 and 0.5 mean
    /// "twice" and "half" the usual flow.
    case relative
    /// `TokenVelocity.annualized`: the window's closed daily volume over the mean circulating
    /// supply, annualized (rarely near 2 in a market whose volume is small against the supply).
    case annualized
}
