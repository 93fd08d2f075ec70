import GCTEconomics

/// A class of identical users (one entry of `users:` in a scenario).
public struct UserClassConfiguration: Hashable, Sendable {
    /// Unique within the scenario.
    public var name: String
    /// Number of users in the class (at least 1).
    public var count: Int
    /// How the class's requests arrive.
    public var arrival: ArrivalConfiguration
    /// Operation mix, in table order; weights are relative, non-negative, at least one positive.
    public var operations: [OperationWeight]
    /// Resource requirements of each request.
    public var resources: ResourceConfiguration
    /// Starting balance of each user.
    public var budget: TokenAmount
    /// Optional automatic top-up.
    public var topUp: TopUpConfiguration?
    /// A user balks (does not submit) when the quoted price exceeds this.
    public var maxPrice: TokenAmount?
    /// A fixed payment offered for every request, whatever the price (equal-payment validation).
    public var payment: TokenAmount?
    /// The region the class's users are in (one of `validators.regions`); `nil`: none. With
    /// `oracle.regional_pricing` each request pays its region's multiplier (docs/world-model.md).
    public var region: String?

    public init(
        name: String, count: Int, arrival: ArrivalConfiguration, operations: [OperationWeight],
        resources: ResourceConfiguration = ResourceConfiguration(), budget: TokenAmount,
        topUp: TopUpConfiguration? = nil, maxPrice: TokenAmount? = nil, payment: TokenAmount? = nil,
        region: String? = nil
    ) {
        self.name = name
        self.count = count
        self.arrival = arrival
        self.operations = operations
        self.resources = resources
        self.budget = budget
        self.topUp = topUp
        self.maxPrice = maxPrice
        self.payment = payment
        self.region = region
    }
}

/// The relative weight of one operation in a user class's mix.
public struct OperationWeight: Hashable, Sendable {
    public var operation: ScenarioOperation
    public var weight: Double
    public init(operation: ScenarioOperation, weight: Double) {
        self.operation = operation
        self.weight = weight
    }
}

/// Request arrivals of a user class (`arrival:`).
public struct ArrivalConfiguration: Hashable, Sendable {
    /// The arrival process.
    public enum Process: String, CaseIterable, Hashable, Sendable {
        case poisson
    }

    public var process: Process
    /// Mean arrival rate of the whole class (all `count` users together), per second; > 0.
    public var ratePerSecond: Double
    /// Optional 24 relative hourly weights (hour 0 first); the world scales them to mean 1,
    /// so `ratePerSecond` stays the daily average.
    public var dailyProfile: [Double]?

    public init(process: Process = .poisson, ratePerSecond: Double, dailyProfile: [Double]? = nil) {
        self.process = process
        self.ratePerSecond = ratePerSecond
        self.dailyProfile = dailyProfile
    }
}

/// Resource requirements per request, the inputs of PRD-010's `calculate_compute_cost`
/// (`memory_gb`, `compute_units`, `execution_time_minutes`). Plain numbers, not times.
public struct ResourceConfiguration: Hashable, Sendable {
    public var memoryGB: DistributionSpec
    public var computeUnits: DistributionSpec
    public var minutes: DistributionSpec

    public init(
        memoryGB: DistributionSpec = .constant(value: 1), computeUnits: DistributionSpec = .constant(value: 1),
        minutes: DistributionSpec = .constant(value: 1)
    ) {
        self.memoryGB = memoryGB
        self.computeUnits = computeUnits
        self.minutes = minutes
    }
}

/// Automatic top-up of a user's balance (`top_up:`).
public struct TopUpConfiguration: Hashable, Sendable {
    /// Amount added per top-up (> 0).
    public var amount: TokenAmount
    /// A top-up happens when the balance falls below this.
    public var whenBelow: TokenAmount

    public init(amount: TokenAmount, whenBelow: TokenAmount) {
        self.amount = amount
        self.whenBelow = whenBelow
    }
}
