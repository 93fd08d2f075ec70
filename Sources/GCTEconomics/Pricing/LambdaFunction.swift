/// The identifier of a registered lambda function: its index in the engine's registry.
///
/// PRD-010 derives `function_id` from the code (`generate_function_id(function_code)`); GCTSim
/// assigns dense indices in registration order and identifies code by `CodeHash`, so that
/// registering the same code twice returns the same id (departures row P13).
@frozen
public struct LambdaFunctionID: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    public var rawValue: UInt32
    @inlinable public init(rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public static func < (l: LambdaFunctionID, r: LambdaFunctionID) -> Bool { l.rawValue < r.rawValue }
}

/// A stable hash of a function's code: 64-bit FNV-1a over its UTF-8 bytes.
///
/// PRD-010 uses Julia's `string(hash(function_code))`, which is neither specified nor stable
/// across versions; FNV-1a (offset basis 0xcbf29ce484222325, prime 0x100000001b3) is both
/// (departures row P13). Printed as 16 lowercase hex digits. Not a cryptographic hash.
@frozen
public struct CodeHash: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt64
    @inlinable public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// FNV-1a 64 of the UTF-8 bytes of `code`. `CodeHash(code: "")` is 0xcbf29ce484222325.
    public init(code: String) {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in code.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        rawValue = h
    }

    public var description: String {
        let hex = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The kind of GPU core a function needs (`core_types`).
public enum CoreType: String, Hashable, Sendable, CaseIterable, Codable {
    case aura, matrix, neuromorphic
}

/// PRD-010's `ResourceRequirements` of a lambda function.
public struct ResourceRequirements: Hashable, Sendable {
    public var gpuCores: Int64
    public var memoryGB: FixedDecimal
    public var storageGB: FixedDecimal
    public var networkBandwidthMbps: FixedDecimal
    /// `execution_time_estimate`.
    public var executionTimeEstimate: TimeSpan
    public var coreTypes: [CoreType]

    public init(
        gpuCores: Int64, memoryGB: FixedDecimal, storageGB: FixedDecimal = .zero,
        networkBandwidthMbps: FixedDecimal = .zero, executionTimeEstimate: TimeSpan, coreTypes: [CoreType]
    ) {
        self.gpuCores = gpuCores
        self.memoryGB = memoryGB
        self.storageGB = storageGB
        self.networkBandwidthMbps = networkBandwidthMbps
        self.executionTimeEstimate = executionTimeEstimate
        self.coreTypes = coreTypes
    }

    /// The operation whose base cost prices this function: one core type maps to its
    /// operation (aura → `aura_kernel_execution`, matrix → `matrix_multiplication`,
    /// neuromorphic → `neuromorphic_training`), several to `hybrid_workflow`, none to
    /// `aura_kernel_execution` (the spec's 0.1 GCT default).
    public var pricingOperation: ComputeOperation {
        let kinds = Set(coreTypes)
        guard kinds.count == 1, let only = kinds.first else {
            return kinds.isEmpty ? .auraKernelExecution : .hybridWorkflow
        }
        switch only {
        case .aura: return .auraKernelExecution
        case .matrix: return .matrixMultiplication
        case .neuromorphic: return .neuromorphicTraining
        }
    }
}

/// A registered lambda function (PRD-010's `LambdaFunction`).
///
/// The execution history is kept as counters; each execution's `ExecutionRecord` is returned
/// to the caller, which stores what it needs (the simulator streams them out).
public struct LambdaFunction: Hashable, Sendable {
    public var id: LambdaFunctionID
    public var codeHash: CodeHash
    public var requirements: ResourceRequirements
    /// The price at registration (`calculate_initial_lambda_price`).
    public var initialPrice: TokenAmount
    /// `current_price`, updated after every successful execution.
    public var currentPrice: TokenAmount
    /// Requests admitted and not yet completed or failed (running or queued): the demand level's numerator.
    public var pending: Int64 = 0
    public var successes: Int64 = 0
    public var failures: Int64 = 0
}

/// One execution (PRD-010's `ExecutionRecord`).
public struct ExecutionRecord: Hashable, Sendable {
    public enum Status: String, Hashable, Sendable, Codable { case success, failed }
    public var functionID: LambdaFunctionID
    public var requestID: UInt64
    /// `timestamp`: when the execution started.
    public var startedAt: Timestamp
    /// `execution_time`.
    public var executionTime: TimeSpan
    /// `tokens_paid`: the cost on success, zero on failure ("No tokens charged for failures").
    public var tokensPaid: TokenAmount
    public var status: Status
}
