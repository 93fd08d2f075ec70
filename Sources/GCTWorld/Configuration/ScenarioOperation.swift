import GCTEconomics

/// A kind of GPU operation a user can request: one of the seven of PRD-010's `cost_table`.
///
/// The names and prices live in one place, GCTEconomics' `ComputeOperation`; this enum is the
/// closed, `CaseIterable` subset a scenario may name (no `.custom`), keyed to it by `computeOperation`.
public enum ScenarioOperation: CaseIterable, Hashable, Sendable, Comparable, RawRepresentable {
    case auraKernelExecution
    case matrixMultiplication
    case neuromorphicTraining
    case hybridWorkflow
    case memoryAllocation
    case dataTransfer
    case kernelCompilation

    /// The pricing operation.
    public var computeOperation: ComputeOperation {
        switch self {
        case .auraKernelExecution: .auraKernelExecution
        case .matrixMultiplication: .matrixMultiplication
        case .neuromorphicTraining: .neuromorphicTraining
        case .hybridWorkflow: .hybridWorkflow
        case .memoryAllocation: .memoryAllocation
        case .dataTransfer: .dataTransfer
        case .kernelCompilation: .kernelCompilation
        }
    }

    /// The YAML name: the spec's symbol, `ComputeOperation.name`.
    public var rawValue: String { computeOperation.name }

    /// The operation with this YAML name, or `nil`.
    public init?(rawValue: String) {
        guard let op = Self.allCases.first(where: { $0.rawValue == rawValue }) else { return nil }
        self = op
    }

    /// The scenario operation of a known pricing operation; `nil` for `.custom`.
    public init?(_ operation: ComputeOperation) {
        guard let op = Self.allCases.first(where: { $0.computeOperation == operation }) else { return nil }
        self = op
    }

    /// The YAML names of all operations, in table order.
    public static let yamlNames: [String] = allCases.map(\.rawValue)

    /// Table order (the order of PRD-010's `cost_table`, `ComputeOperation.known`).
    public var tableIndex: Int { Self.allCases.firstIndex(of: self)! }

    public static func < (lhs: ScenarioOperation, rhs: ScenarioOperation) -> Bool { lhs.tableIndex < rhs.tableIndex }
}
