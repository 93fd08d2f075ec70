import Testing
@testable import GCTEconomics

@Suite struct PricingComputeCostTests {
    static func gct(_ s: String) -> TokenAmount { try! TokenAmount(parsing: s) }
    static func fd(_ s: String) -> FixedDecimal { try! FixedDecimal(parsing: s) }

    /// 2 GB, 4 units, 5 minutes: resource factor 1 + 2·0.1 + 4·0.05 + 5·0.02 = 1 + 0.2 + 0.2 + 0.1 = 1.5.
    static let resources = ComputeResources(memoryGB: fd("2"), computeUnits: 4, executionMinutes: fd("5"))

    @Test(arguments: [
        (ComputeOperation.auraKernelExecution, "0.15"),  // 0.1 × 1.5
        (.matrixMultiplication, "0.225"),  // 0.15 × 1.5
        (.neuromorphicTraining, "0.375"),  // 0.25 × 1.5
        (.hybridWorkflow, "0.3"),  // 0.2 × 1.5
        (.memoryAllocation, "0.075"),  // 0.05 × 1.5
        (.dataTransfer, "0.015"),  // 0.01 × 1.5
        (.kernelCompilation, "0.12"),  // 0.08 × 1.5
        (.custom("fft_convolution"), "0.15"),  // unknown op: default 0.1 × 1.5
    ])
    func everyOperationAtNeutralMarket(op: ComputeOperation, expected: String) throws {
        let q = try ComputePricing.calculateComputeCost(operation: op, resources: Self.resources, market: .neutral)
        #expect(q.cost == Self.gct(expected))
        #expect(!q.floorApplied)
    }

    @Test func marketFactors() throws {
        // 0.225 × 1.2 × (1/0.8) × 1.1 = 0.225 × 1.65 = 0.37125
        let m = MarketConditions(demandFactor: Self.fd("1.2"), supplyFactor: Self.fd("0.8"), congestionFactor: Self.fd("1.1"))
        let q = try ComputePricing.calculateComputeCost(operation: .matrixMultiplication, resources: Self.resources, market: m)
        #expect(q.cost == Self.gct("0.37125"))
    }

    @Test func floorApplies() throws {
        // data_transfer, no resources, demand 0.05: 0.01 × 1 × 0.05 = 0.0005 < 0.001 → 0.001
        let none = ComputeResources(memoryGB: .zero, computeUnits: 0, executionMinutes: .zero)
        let m = MarketConditions(demandFactor: Self.fd("0.05"), supplyFactor: .one, congestionFactor: .one)
        let q = try ComputePricing.calculateComputeCost(operation: .dataTransfer, resources: none, market: m)
        #expect(q.cost == Self.gct("0.001"))
        #expect(q.floorApplied)
        // demand 0.1: exactly 0.001, the floor is not needed
        let m2 = MarketConditions(demandFactor: Self.fd("0.1"), supplyFactor: .one, congestionFactor: .one)
        let q2 = try ComputePricing.calculateComputeCost(operation: .dataTransfer, resources: none, market: m2)
        #expect(q2.cost == Self.gct("0.001"))
        #expect(!q2.floorApplied)
    }

    @Test func roundsUpToABaseUnit() throws {
        // 0.1 / 3 = 0.0333…: rounded up to 0.033333334
        let none = ComputeResources(memoryGB: .zero, computeUnits: 0, executionMinutes: .zero)
        let m = MarketConditions(demandFactor: .one, supplyFactor: FixedDecimal(3), congestionFactor: .one)
        let q = try ComputePricing.calculateComputeCost(operation: .auraKernelExecution, resources: none, market: m)
        #expect(q.cost.baseUnits == 33_333_334)
    }

    @Test func fractionalComputeUnitsAreCarried() throws {
        // The spec takes Decimal(compute_units): 0.4 units add 0.02, never rounded to 0 units.
        // matrix_multiplication 0.15 × (1 + 0.4·0.05) = 0.15 × 1.02 = 0.153
        let r = ComputeResources(memoryGB: .zero, computeUnits: Self.fd("0.4"), executionMinutes: .zero)
        let q = try ComputePricing.calculateComputeCost(operation: .matrixMultiplication, resources: r, market: .neutral)
        #expect(q.cost == Self.gct("0.153"))
        // 10⁻⁹ unit adds 5·10⁻¹¹ to the factor: 0.1 × (1 + 5·10⁻¹¹) → up to 0.100000001
        let tiny = ComputeResources(memoryGB: .zero, computeUnits: FixedDecimal(nanos: 1), executionMinutes: .zero)
        let t = try ComputePricing.calculateComputeCost(operation: .auraKernelExecution, resources: tiny, market: .neutral)
        #expect(t.cost.baseUnits == 100_000_001)
    }

    @Test func fractionalInputsAreExact() throws {
        // 0.000000001 GB adds 10⁻¹⁰ to the factor: 0.1 × (1 + 10⁻¹⁰) = 0.1 + 10⁻¹¹ → up to 0.100000001
        let r = ComputeResources(memoryGB: FixedDecimal(nanos: 1), computeUnits: 0, executionMinutes: .zero)
        let q = try ComputePricing.calculateComputeCost(operation: .auraKernelExecution, resources: r, market: .neutral)
        #expect(q.cost.baseUnits == 100_000_001)
    }

    @Test func typedErrors() {
        let zeroSupply = MarketConditions(demandFactor: .one, supplyFactor: .zero, congestionFactor: .one)
        #expect(throws: ComputeCostError.zeroSupplyFactor) {
            try ComputePricing.calculateComputeCost(operation: .dataTransfer, resources: Self.resources, market: zeroSupply)
        }
        let huge = ComputeResources(memoryGB: FixedDecimal(1_000_001), computeUnits: 0, executionMinutes: .zero)
        #expect(throws: ComputeCostError.outOfRange(field: "memory_gb", value: "1000001", maximum: "1000000")) {
            try ComputePricing.calculateComputeCost(operation: .dataTransfer, resources: huge, market: .neutral)
        }
        // every bound at its maximum with the smallest supply overflows Int64, reported, not trapped
        let max = ComputeResources(memoryGB: ComputeResources.maximumMemoryGB, computeUnits: ComputeResources.maximumComputeUnits,
                                   executionMinutes: ComputeResources.maximumExecutionMinutes)
        let extreme = MarketConditions(demandFactor: MarketConditions.maximumFactor, supplyFactor: FixedDecimal(nanos: 1),
                                       congestionFactor: MarketConditions.maximumFactor)
        #expect(throws: ComputeCostError.costOverflow) {
            try ComputePricing.calculateComputeCost(operation: .neuromorphicTraining, resources: max, market: extreme)
        }
    }

    @Test func doubleFactorsConvertAtNanoResolution() {
        #expect(FixedDecimal(approximating: 1.2)?.nanos == 1_200_000_000)
        #expect(FixedDecimal(approximating: 0.1)?.nanos == 100_000_000)
        #expect(FixedDecimal(approximating: 1e-10)?.nanos == 0)
        #expect(FixedDecimal(approximating: 1.5e-9)?.nanos == 2)  // tie → even
        #expect(FixedDecimal(approximating: -1) == nil)
        #expect(FixedDecimal(approximating: .nan) == nil)
    }

    @Test func stakingYieldWorkedExamples() {
        // 12 % + min(stake / 1e6, 8 %)
        let cases: [(Int64, Rate, Int64)] = [
            (10_000, Rate(13, over: 100), 1_300), (50_000, Rate(17, over: 100), 8_500),
            (80_000, Rate(20, over: 100), 16_000), (2_000_000, Rate(20, over: 100), 400_000),
        ]
        for (stake, apy, rewards) in cases {
            #expect(StakingYield.annualPercentageYield(stake: TokenAmount(gct: stake)) == apy)
            #expect(StakingYield.expectedAnnualRewards(stake: TokenAmount(gct: stake)) == TokenAmount(gct: rewards))
        }
        // 12 345.678901234 GCT: APY 0.12 + 0.012345678901234; rewards rounded down to a base unit
        let s = Self.gct("12345.678901234")
        // 12345678901234 × (0.132345678901234) = 1633902.6…×10³ base units; compare with exact integer math
        let exact = UInt128(12_345_678_901_234) * UInt128(132_345_678_901_234) / UInt128(1_000_000_000_000_000)
        #expect(StakingYield.expectedAnnualRewards(stake: s).baseUnits == Int64(exact))
    }
}
