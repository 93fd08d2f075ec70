/// A kind of GPU operation a user can request, as named in PRD-010's `get_base_operation_cost` table.
///
/// IMPORTANT: this list must equal the pricing code's op table (GCTEconomics pricing,
/// PRD-010 `cost_table`: aura_kernel_execution 0.1, matrix_multiplication 0.15,
/// neuromorphic_training 0.25, hybrid_workflow 0.2, memory_allocation 0.05,
/// data_transfer 0.01, kernel_compilation 0.08). It is the one place the scenario
/// layer lists op names; the lead wires it to the pricing enum at merge.
public enum ScenarioOperation: String, CaseIterable, Hashable, Sendable, Comparable {
    case auraKernelExecution = "aura_kernel_execution"
    case matrixMultiplication = "matrix_multiplication"
    case neuromorphicTraining = "neuromorphic_training"
    case hybridWorkflow = "hybrid_workflow"
    case memoryAllocation = "memory_allocation"
    case dataTransfer = "data_transfer"
    case kernelCompilation = "kernel_compilation"

    /// The YAML names of all operations, in table order.
    public static let yamlNames: [String] = allCases.map(\.rawValue)

    /// Table order (the order of PRD-010's `cost_table`).
    public var tableIndex: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: ScenarioOperation, rhs: ScenarioOperation) -> Bool { lhs.tableIndex < rhs.tableIndex }
}
