/// A GPU operation type of PRD-010's `get_base_operation_cost` table.
///
/// ```julia
/// cost_table = Dict(:aura_kernel_execution => 0.1, :matrix_multiplication => 0.15,
///     :neuromorphic_training => 0.25, :hybrid_workflow => 0.2, :memory_allocation => 0.05,
///     :data_transfer => 0.01, :kernel_compilation => 0.08)
/// return get(cost_table, operation_type, Decimal("0.1"))
/// ```
///
/// Any other operation is `.custom(name)` at the spec's default of 0.1 GCT.
public enum ComputeOperation: Hashable, Sendable {
    case auraKernelExecution
    case matrixMultiplication
    case neuromorphicTraining
    case hybridWorkflow
    case memoryAllocation
    case dataTransfer
    case kernelCompilation
    /// An operation outside the table, priced at `defaultBaseCost`.
    case custom(String)

    /// The seven operations of the spec's table, in its order.
    public static let known: [ComputeOperation] = [
        .auraKernelExecution, .matrixMultiplication, .neuromorphicTraining, .hybridWorkflow,
        .memoryAllocation, .dataTransfer, .kernelCompilation,
    ]

    /// The spec's price for an operation missing from the table: 0.1 GCT.
    public static let defaultBaseCost = TokenAmount(baseUnits: 100_000_000)

    /// The spec's symbol name, e.g. `"matrix_multiplication"`.
    public var name: String {
        switch self {
        case .auraKernelExecution: "aura_kernel_execution"
        case .matrixMultiplication: "matrix_multiplication"
        case .neuromorphicTraining: "neuromorphic_training"
        case .hybridWorkflow: "hybrid_workflow"
        case .memoryAllocation: "memory_allocation"
        case .dataTransfer: "data_transfer"
        case .kernelCompilation: "kernel_compilation"
        case let .custom(name): name
        }
    }

    /// The known operation with this spec name, or `nil`.
    public init?(knownName name: String) {
        guard let op = ComputeOperation.known.first(where: { $0.name == name }) else { return nil }
        self = op
    }

    /// `get_base_operation_cost(operation_type)`: the table price, or 0.1 GCT for any other operation.
    public var baseCost: TokenAmount {
        switch self {
        case .auraKernelExecution: TokenAmount(baseUnits: 100_000_000)  // 0.1
        case .matrixMultiplication: TokenAmount(baseUnits: 150_000_000)  // 0.15
        case .neuromorphicTraining: TokenAmount(baseUnits: 250_000_000)  // 0.25
        case .hybridWorkflow: TokenAmount(baseUnits: 200_000_000)  // 0.2
        case .memoryAllocation: TokenAmount(baseUnits: 50_000_000)  // 0.05
        case .dataTransfer: TokenAmount(baseUnits: 10_000_000)  // 0.01
        case .kernelCompilation: TokenAmount(baseUnits: 80_000_000)  // 0.08
        case .custom: ComputeOperation.defaultBaseCost
        }
    }
}
