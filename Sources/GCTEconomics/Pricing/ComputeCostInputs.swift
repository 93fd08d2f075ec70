/// The resource requirements of `calculate_compute_cost` (`resource_requirements`).
///
/// Documented bounds (checked by `ComputePricing.calculateComputeCost`, which throws
/// `ComputeCostError.outOfRange` beyond them): `memoryGB` ≤ 10⁶, `computeUnits` ≤ 10⁶,
/// `executionMinutes` ≤ 10⁷ (about 19 years).
public struct ComputeResources: Hashable, Sendable {
    /// `resource_requirements["memory_gb"]`, exact to 10⁻⁹ GB.
    public var memoryGB: FixedDecimal
    /// `resource_requirements["compute_units"]`, exact to 10⁻⁹ unit (the spec takes a `Decimal`).
    public var computeUnits: FixedDecimal
    /// `resource_requirements["execution_time_minutes"]`, exact to 10⁻⁹ minute.
    public var executionMinutes: FixedDecimal

    public static let maximumMemoryGB = FixedDecimal(1_000_000)
    public static let maximumComputeUnits = FixedDecimal(1_000_000)
    public static let maximumExecutionMinutes = FixedDecimal(10_000_000)

    public init(memoryGB: FixedDecimal, computeUnits: FixedDecimal, executionMinutes: FixedDecimal) {
        self.memoryGB = memoryGB
        self.computeUnits = computeUnits
        self.executionMinutes = executionMinutes
    }

    /// Whole compute units (`computeUnits` ≥ 0).
    public init(memoryGB: FixedDecimal, computeUnits: Int64, executionMinutes: FixedDecimal) {
        self.init(memoryGB: memoryGB, computeUnits: FixedDecimal(computeUnits), executionMinutes: executionMinutes)
    }
}

/// The market conditions of `calculate_compute_cost` (`market_conditions`).
///
/// Factors are exact fixed-point numbers at 10⁻⁹; a factor held as `Double` converts through
/// `FixedDecimal(approximating:)` (round to nearest 10⁻⁹, docs/departures-from-spec.md row P15).
/// Bounds: each factor ≤ 10⁶; `supplyFactor` > 0 (the spec divides by it).
public struct MarketConditions: Hashable, Sendable {
    /// `demand_factor`.
    public var demandFactor: FixedDecimal
    /// `supply_factor`; the cost is divided by it.
    public var supplyFactor: FixedDecimal
    /// `network_congestion_factor`.
    public var congestionFactor: FixedDecimal

    /// Demand, supply and congestion all 1.
    public static let neutral = MarketConditions(demandFactor: .one, supplyFactor: .one, congestionFactor: .one)
    public static let maximumFactor = FixedDecimal(1_000_000)

    public init(demandFactor: FixedDecimal, supplyFactor: FixedDecimal, congestionFactor: FixedDecimal) {
        self.demandFactor = demandFactor
        self.supplyFactor = supplyFactor
        self.congestionFactor = congestionFactor
    }
}

/// The price of one operation from `calculate_compute_cost`.
public struct ComputeCostQuote: Hashable, Sendable {
    /// The cost charged: the exact formula value rounded **up** to a base unit, at least the floor.
    public var cost: TokenAmount
    /// Whether the exact formula value was below the 0.001 GCT floor (so `cost` is the floor).
    public var floorApplied: Bool
    /// The base cost of the operation from the spec's table.
    public var baseCost: TokenAmount
}

/// Why a compute cost cannot be calculated.
public enum ComputeCostError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An input is beyond its documented bound; `field` names it in the spec's words.
    case outOfRange(field: String, value: String, maximum: String)
    /// `supply_factor` is zero: the spec divides by it.
    case zeroSupplyFactor
    /// The result exceeds the largest representable amount.
    case costOverflow

    public var description: String {
        switch self {
        case let .outOfRange(field, value, maximum): "\(field) = \(value) is out of range (at most \(maximum))"
        case .zeroSupplyFactor: "supply_factor must be greater than 0 (the cost is divided by it)"
        case .costOverflow: "the cost exceeds the largest representable amount"
        }
    }
}
