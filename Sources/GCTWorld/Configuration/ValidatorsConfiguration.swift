/// The oracle's validators (`validators:` in a scenario).
///
/// When the section is absent the world runs without validators: no oracle rounds, no
/// validator stakes, no reputation.
public struct ValidatorsConfiguration: Hashable, Sendable {
    /// Number of validators (at least 3, so a weighted median has a majority to stand on).
    public var count: Int
    /// Initial stake of each validator, in **GCT** (a plain number, not a time). Every value the
    /// distribution can take is at least `economy.staking.min_stake` (checked when loading).
    public var stake: DistributionSpec
    /// Initial reputation of every validator, in `[0, 1]`.
    public var reputation: Double
    /// Regions and their relative weights (at least one > 0), in name order.
    public var regions: [RegionWeight]
    /// The hardware each validator reports on.
    public var hardware: HardwareConfiguration
    /// Relative standard deviation of an honest report around the true value (`>= 0`).
    public var noise: Double
    /// Probability that a validator misses a round, in `[0, 1)`.
    public var unavailability: Double
    /// How long a validator takes to answer a round.
    public var responseTime: ResponseTimeConfiguration

    public init(
        count: Int, stake: DistributionSpec, reputation: Double = 0.8,
        regions: [RegionWeight] = [RegionWeight(name: "global", weight: 1)],
        hardware: HardwareConfiguration = HardwareConfiguration(), noise: Double = 0.02,
        unavailability: Double = 0.01, responseTime: ResponseTimeConfiguration = ResponseTimeConfiguration()
    ) {
        self.count = count
        self.stake = stake
        self.reputation = reputation
        self.regions = regions
        self.hardware = hardware
        self.noise = noise
        self.unavailability = unavailability
        self.responseTime = responseTime
    }
}

/// A region and its relative weight among validators (or any regional population).
public struct RegionWeight: Hashable, Sendable {
    public var name: String
    /// Relative weight, `>= 0`.
    public var weight: Double
    public init(name: String, weight: Double) {
        self.name = name
        self.weight = weight
    }
}

/// The GPU hardware a validator reports (`validators.hardware:`).
public struct HardwareConfiguration: Hashable, Sendable {
    /// GPUs per validator (at least 1).
    public var gpuCount: Int
    /// Memory per GPU in GB (> 0).
    public var memoryGB: Double
    /// CUDA-style compute capability (> 0), e.g. 9.0.
    public var computeCapability: Double

    public init(gpuCount: Int = 8, memoryGB: Double = 80, computeCapability: Double = 9.0) {
        self.gpuCount = gpuCount
        self.memoryGB = memoryGB
        self.computeCapability = computeCapability
    }
}

/// How long a validator takes to answer an oracle round (`validators.response_time:`).
public struct ResponseTimeConfiguration: Hashable, Sendable {
    /// Mean response time (> 0).
    public var mean: ScenarioDuration
    /// A report arriving after this counts as missing (> 0).
    public var deadline: ScenarioDuration

    public init(mean: ScenarioDuration = .milliseconds(200), deadline: ScenarioDuration = .seconds(2)) {
        self.mean = mean
        self.deadline = deadline
    }
}
