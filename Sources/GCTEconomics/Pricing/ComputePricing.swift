/// PRD-010's `calculate_compute_cost`: the price of one GPU operation.
public enum ComputePricing {
    /// The spec's minimum cost: 0.001 GCT.
    public static let minimumCost = TokenAmount(baseUnits: 1_000_000)

    /// The cost of one operation, exactly as PRD-010's `calculate_compute_cost`:
    ///
    /// ```julia
    /// total_cost = base_cost *
    ///     (1 + memory_gb * 0.1 + compute_units * 0.05 + execution_time_minutes * 0.02) *
    ///     demand_factor * (1 / supply_factor) * network_congestion_factor
    /// return max(total_cost, Decimal("0.001"))
    /// ```
    ///
    /// The formula is evaluated exactly in integers (256-bit intermediate) and the result is
    /// rounded **up** to a base unit, so a provider is never under-paid; the floor is then applied.
    /// `floorApplied` is true when the exact value is below 0.001 GCT.
    ///
    /// Worked example: `matrix_multiplication`, 4 GB, 2 units, 10 minutes, neutral market:
    /// 0.15 × (1 + 0.4 + 0.1 + 0.2) = 0.15 × 1.7 = 0.255 GCT.
    ///
    /// - Throws: `ComputeCostError` for an input beyond its documented bound
    ///   (`ComputeResources`, `MarketConditions`) or a zero supply factor.
    public static func calculateComputeCost(
        operation: ComputeOperation, resources: ComputeResources, market: MarketConditions
    ) throws(ComputeCostError) -> ComputeCostQuote {
        try check(resources.memoryGB, ComputeResources.maximumMemoryGB, "memory_gb")
        try check(resources.executionMinutes, ComputeResources.maximumExecutionMinutes, "execution_time_minutes")
        try check(resources.computeUnits, ComputeResources.maximumComputeUnits, "compute_units")
        try check(market.demandFactor, MarketConditions.maximumFactor, "demand_factor")
        try check(market.supplyFactor, MarketConditions.maximumFactor, "supply_factor")
        try check(market.congestionFactor, MarketConditions.maximumFactor, "network_congestion_factor")
        guard market.supplyFactor.nanos > 0 else { throw .zeroSupplyFactor }

        // (1 + 0.1 m + 0.05 c + 0.02 t) × 10¹¹, with m, c and t in nanos (× 10⁹):
        //   10¹¹ + 10 m_n + 5 c_n + 2 t_n   (≤ 3.6 × 10¹⁶ within the bounds)
        let resourceFactor: UInt128 =
            100_000_000_000 + 10 * UInt128(resources.memoryGB.nanos) + 5 * UInt128(resources.computeUnits.nanos)
            + 2 * UInt128(resources.executionMinutes.nanos)
        // cost_base_units = base × R₁₀₀ × d_n × g_n / (10¹¹ × 10⁹ × s_n)
        let a = UInt128(operation.baseCost.baseUnits) * resourceFactor
        let b = UInt128(market.demandFactor.nanos) * UInt128(market.congestionFactor.nanos)
        let c = UInt128(100_000_000_000_000_000_000 as UInt128) * UInt128(market.supplyFactor.nanos)
        guard let up = ExactArithmetic.multiplyDivide(a, b, c, rounding: .up),
            up.quotient <= UInt128(Int64.max)
        else { throw .costOverflow }
        // The exact value is below the floor iff its integer part is.
        let exactBelowFloor = (up.remainder == 0 ? up.quotient : up.quotient - 1) < UInt128(minimumCost.baseUnits)
        let rounded = TokenAmount(baseUnits: Int64(up.quotient))
        return ComputeCostQuote(
            cost: max(rounded, minimumCost), floorApplied: exactBelowFloor, baseCost: operation.baseCost)
    }

    private static func check(_ value: FixedDecimal, _ maximum: FixedDecimal, _ field: String) throws(ComputeCostError) {
        guard value <= maximum else {
            throw .outOfRange(field: field, value: value.decimalString(), maximum: maximum.decimalString())
        }
    }
}
