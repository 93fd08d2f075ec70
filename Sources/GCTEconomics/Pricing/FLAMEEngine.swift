/// PRD-010's FLAME engine (`FLAMEEngine`): the lambda registry, the execution queue and the
/// pricing of executions, as a value owned by its caller.
///
/// The engine has no clock and moves no money. Its execute flow is split into steps an event
/// engine drives, each taking the time as an argument and returning a value that describes
/// the money movement, which the caller applies to its ledger:
///
/// 1. `admit` → `.insufficientTokens(required:available:)` | `.queued(sequence:position:cost:)` |
///    `.started(ticket)` (the caller holds `cost` from the user's balance);
/// 2. `complete(ticket, at:burnRate:shares:)` → a `CompletionSettlement` (burn the caller's burn
///    rate, 0.5 % in the spec, distribute the rest, record, price update), or `fail(ticket, at:)` → a `FailureRefund` (nothing charged);
/// 3. `dispatchNext(at:)` starts the queue head when an execution slot is free.
///
/// Capacity is `capacity` execution slots: PRD-010's `allocate_resources` returns `nothing`
/// (so the request queues) when all slots are busy or others are already waiting.
public struct FLAMEEngine: Sendable {
    /// The registry, indexed by `LambdaFunctionID.rawValue`.
    public internal(set) var functions: [LambdaFunction] = []
    var idsByHash: [CodeHash: LambdaFunctionID] = [:]
    /// The waiting requests.
    public internal(set) var queue = ExecutionQueue()
    /// Executions in progress.
    public internal(set) var running: Int = 0
    /// Parallel execution slots (≥ 1).
    public var capacity: Int
    /// The mean service time used for queue wait estimates.
    public var meanServiceTime: TimeSpan
    /// The multipliers of `calculate_execution_cost`.
    public var pricing: ExecutionPricingParameters
    /// The queue priority curve.
    public var priorityCurve: QueuePriorityCurve

    public init(
        capacity: Int, meanServiceTime: TimeSpan, pricing: ExecutionPricingParameters = .default,
        priorityCurve: QueuePriorityCurve = .spec
    ) {
        precondition(capacity >= 1, "at least one execution slot")
        self.capacity = capacity
        self.meanServiceTime = meanServiceTime
        self.pricing = pricing
        self.priorityCurve = priorityCurve
    }

    /// The function with this id.
    ///
    /// - Throws: `FLAMEError.functionNotFound` ("Lambda function not found").
    public func function(_ id: LambdaFunctionID) throws(FLAMEError) -> LambdaFunction {
        guard Int(id.rawValue) < functions.count else { throw .functionNotFound(id) }
        return functions[Int(id.rawValue)]
    }

    /// `register_lambda_function`: registers code with its requirements and prices it.
    ///
    /// The initial price (`calculate_initial_lambda_price`, undefined in the spec) is
    /// `calculate_compute_cost` of the requirements' operation (`pricingOperation`), memory,
    /// GPU cores as compute units and the execution estimate in minutes (rounded up to 10⁻⁹),
    /// at a neutral market (departures row P2). Registering code already registered (same
    /// `CodeHash`) returns the existing id unchanged.
    ///
    /// - Throws: `FLAMEError.pricing` when the requirements are beyond the compute-cost bounds.
    public mutating func register(code: String, requirements: ResourceRequirements) throws(FLAMEError)
        -> LambdaFunctionID
    {
        let hash = CodeHash(code: code)
        if let existing = idsByHash[hash] { return existing }
        guard requirements.executionTimeEstimate.microseconds >= 0 else {
            throw .pricing(.outOfRange(field: "execution_time_estimate", value: "negative", maximum: "10000000 minutes"))
        }
        // minutes in nanos = µs × 10⁹ / (6 × 10⁷) = µs × 50 / 3, rounded up.
        let minuteNanos = ExactArithmetic.divide(
            UInt128(requirements.executionTimeEstimate.microseconds) * 50, by: 3, rounding: .up
        ).quotient
        guard minuteNanos <= UInt128(Int64.max) else {
            throw .pricing(.outOfRange(field: "execution_time_estimate", value: "too large", maximum: "10000000 minutes"))
        }
        guard requirements.gpuCores >= 0, requirements.gpuCores <= 1_000_000 else {
            throw .pricing(.outOfRange(
                field: "compute_units", value: String(requirements.gpuCores),
                maximum: ComputeResources.maximumComputeUnits.decimalString()))
        }
        let quote: ComputeCostQuote
        do {
            quote = try ComputePricing.calculateComputeCost(
                operation: requirements.pricingOperation,
                resources: ComputeResources(
                    memoryGB: requirements.memoryGB, computeUnits: requirements.gpuCores,
                    executionMinutes: FixedDecimal(nanos: Int64(minuteNanos))),
                market: .neutral)
        } catch { throw .pricing(error) }
        let id = LambdaFunctionID(rawValue: UInt32(functions.count))
        functions.append(
            LambdaFunction(
                id: id, codeHash: hash, requirements: requirements, initialPrice: quote.cost,
                currentPrice: quote.cost))
        idsByHash[hash] = id
        return id
    }

    /// The id of registered code, if any.
    public func functionID(forCode code: String) -> LambdaFunctionID? { idsByHash[CodeHash(code: code)] }
}

/// Why a FLAME step cannot run.
public enum FLAMEError: Error, Hashable, Sendable, CustomStringConvertible {
    case functionNotFound(LambdaFunctionID)
    case pricing(ComputeCostError)
    /// The execution cost exceeds the largest representable amount.
    case costOverflow(LambdaFunctionID)

    public var description: String {
        switch self {
        case let .functionNotFound(id): "Lambda function not found: \(id.rawValue)"
        case let .pricing(e): "cannot price the function: \(e)"
        case let .costOverflow(id): "execution cost of function \(id.rawValue) exceeds the largest representable amount"
        }
    }
}
