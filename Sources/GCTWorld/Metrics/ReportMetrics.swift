/// The names of the summary metrics of a replication (`--summary-json`, `gctsim check`),
/// each declared once, in report order.
public enum ReportMetricName: String, Hashable, Sendable, CaseIterable {
    // Market.
    case meanWait = "mean_wait_s"
    case meanQueueLength = "mean_queue_length"
    case utilization
    case throughput = "throughput_per_s"
    case littlesLaw = "littles_law_lambda_w"
    case admitted, completed, failed, balked
    case insufficientTokens = "insufficient_tokens"
    case tokensBurned = "tokens_burned_gct"
    case meanCapacity = "mean_capacity"
    // Per operation, with calibrated service times (table order).
    case meanServiceAuraKernelExecution = "mean_service_s_aura_kernel_execution"
    case meanServiceMatrixMultiplication = "mean_service_s_matrix_multiplication"
    case meanServiceNeuromorphicTraining = "mean_service_s_neuromorphic_training"
    case meanServiceHybridWorkflow = "mean_service_s_hybrid_workflow"
    case meanServiceMemoryAllocation = "mean_service_s_memory_allocation"
    case meanServiceDataTransfer = "mean_service_s_data_transfer"
    case meanServiceKernelCompilation = "mean_service_s_kernel_compilation"
    case meanWaitAuraKernelExecution = "mean_wait_s_aura_kernel_execution"
    case meanWaitMatrixMultiplication = "mean_wait_s_matrix_multiplication"
    case meanWaitNeuromorphicTraining = "mean_wait_s_neuromorphic_training"
    case meanWaitHybridWorkflow = "mean_wait_s_hybrid_workflow"
    case meanWaitMemoryAllocation = "mean_wait_s_memory_allocation"
    case meanWaitDataTransfer = "mean_wait_s_data_transfer"
    case meanWaitKernelCompilation = "mean_wait_s_kernel_compilation"
    // Supply.
    case supplyTotal = "supply_total_gct"
    case supplyBurned = "supply_burned_gct"
    case supplyMinted = "supply_minted_gct"
    case supplyStaked = "supply_staked_gct"
    case supplyCirculating = "supply_circulating_gct"
    // Staking and emissions.
    case stakingPromised = "staking_promised_gct"
    case stakingPaid = "staking_paid_gct"
    case stakingShortfall = "staking_shortfall_gct"
    case apyPromised = "apy_promised"
    case apyPaid = "apy_paid"
    case emissionCapShortfall = "emission_cap_shortfall_gct"
    case miningPaid = "mining_paid_gct"
    case validatorFeesPaid = "validator_fees_paid_gct"
    case validatorEmissionMinted = "validator_emission_minted_gct"
    case emissionToValidators = "emission_to_validators_gct"
    case emissionUndistributed = "emission_undistributed_gct"
    case emissionUndistributedAtEpochMax = "emission_undistributed_epoch_max_gct"
    case feePoolBalance = "fee_pool_balance_gct"
    // Oracle.
    case oracleRounds = "oracle_rounds"
    case oracleOutliers = "oracle_outliers"
    case oracleUnavailable = "oracle_unavailable"
    case oracleRoundsShort = "oracle_rounds_short"
    case oracleFailedRounds = "oracle_failed_rounds"
    case oracleFallbackRounds = "oracle_fallback_rounds"
    case oracleLongestStall = "oracle_longest_stall"
    case alarms
    case meanMultiplier = "mean_multiplier"
    case reputationMin = "reputation_min"
    case reputationMedian = "reputation_median"
    case reputationMax = "reputation_max"
    // Auto-scaling.
    case capacityMin = "capacity_min"
    case capacityMax = "capacity_max"
    case capacityHours = "capacity_hours"
    case capacityCost = "capacity_cost_gct"
    case scaleUps = "scale_ups"
    case scaleDowns = "scale_downs"
    // Governance.
    case proposalsPassed = "proposals_passed"
    case burnRateFinal = "burn_rate_final"
    // The run.
    case events
    /// The only wall-clock metric.
    case eventsPerSecond = "events_per_second"
}

extension ReportMetricName {
    /// `mean_service_s_OP` and `mean_wait_s_OP` of each operation, in table order.
    static let operationServices: [ReportMetricName] = [
        .meanServiceAuraKernelExecution, .meanServiceMatrixMultiplication, .meanServiceNeuromorphicTraining, .meanServiceHybridWorkflow, .meanServiceMemoryAllocation, .meanServiceDataTransfer, .meanServiceKernelCompilation
    ]
    static let operationWaits: [ReportMetricName] = [
        .meanWaitAuraKernelExecution, .meanWaitMatrixMultiplication, .meanWaitNeuromorphicTraining, .meanWaitHybridWorkflow, .meanWaitMemoryAllocation, .meanWaitDataTransfer, .meanWaitKernelCompilation
    ]
}

/// One summary metric.
public struct ReportMetric: Hashable, Sendable {
    public var key: ReportMetricName
    public var value: Double
    /// The metric's name in reports and baselines.
    public var name: String { key.rawValue }
}

/// Summary metrics in report order (each name at most once).
public struct ReportMetrics: RandomAccessCollection, Hashable, Sendable {
    public private(set) var entries: [ReportMetric] = []

    public init() {}

    public var startIndex: Int { entries.startIndex }
    public var endIndex: Int { entries.endIndex }
    public subscript(position: Int) -> ReportMetric { entries[position] }

    /// The value of `key`, if reported.
    public subscript(key: ReportMetricName) -> Double? { entries.first { $0.key == key }?.value }

    public mutating func append(_ key: ReportMetricName, _ value: Double) {
        entries.append(ReportMetric(key: key, value: value))
    }

    public mutating func append(contentsOf other: ReportMetrics) { entries += other.entries }
}
