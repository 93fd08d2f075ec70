/// A kernel `gctsim calibrate` times (GCTGPU's `BenchmarkOperation`, by the same names and units):
/// a calibration profile gives the seconds per unit of each.
public enum CalibrationKernel: String, CaseIterable, Hashable, Sendable {
    case matmul
    case memory
    case allocation
    case transfer
    case compile

    /// The unit `secondsPerUnit` refers to, as `gctsim calibrate` writes it.
    public var unit: String {
        switch self {
        case .matmul: "flop"
        case .memory, .transfer: "byte"
        case .allocation: "allocation"
        case .compile: "compilation"
        }
    }
}

/// Units of work of each kernel (one request's, or seconds per unit of each: the same shape).
public struct KernelWork: Hashable, Sendable {
    public var matmul = 0.0
    public var memory = 0.0
    public var allocation = 0.0
    public var transfer = 0.0
    public var compile = 0.0

    public init(matmul: Double = 0, memory: Double = 0, allocation: Double = 0, transfer: Double = 0, compile: Double = 0) {
        self.matmul = matmul
        self.memory = memory
        self.allocation = allocation
        self.transfer = transfer
        self.compile = compile
    }

    public subscript(kernel: CalibrationKernel) -> Double {
        get {
            switch kernel {
            case .matmul: matmul
            case .memory: memory
            case .allocation: allocation
            case .transfer: transfer
            case .compile: compile
            }
        }
        set {
            switch kernel {
            case .matmul: matmul = newValue
            case .memory: memory = newValue
            case .allocation: allocation = newValue
            case .transfer: transfer = newValue
            case .compile: compile = newValue
            }
        }
    }

    /// Σ self[k] × rates[k] (seconds, when `rates` are seconds per unit).
    @inlinable
    public func dot(_ rates: KernelWork) -> Double {
        matmul * rates.matmul + memory * rates.memory + allocation * rates.allocation + transfer * rates.transfer
            + compile * rates.compile
    }

    /// Bytes in one GB of a request's `memory_gb` (2³⁰: the allocation kernel allocates MiB).
    public static let bytesPerGB = 1_073_741_824.0
    /// Matrix flops in one compute-unit-minute.
    public static let flopsPerComputeUnitMinute = 1e9

    /// The kernel work of one request of `operation` (the table in docs/world-model.md, "Calibrated
    /// service times"; departure W7). With B = memory × 2³⁰ bytes and W = compute units × minutes × 10⁹ flop:
    ///
    /// | operation | matmul flop | memory byte | allocation | transfer byte | compile |
    /// |---|---|---|---|---|---|
    /// | aura_kernel_execution | W/2 | B | | | |
    /// | matrix_multiplication | W | | | | |
    /// | neuromorphic_training | W/4 | B × minutes | | | |
    /// | hybrid_workflow | W/2 | | | 2B | |
    /// | memory_allocation | | | memory × 1024 | | |
    /// | data_transfer | | | | 2B | |
    /// | kernel_compilation | | | | | compute units |
    @inlinable
    public static func of(operation tableIndex: Int, memoryGB m: Double, computeUnits u: Double, minutes t: Double) -> KernelWork {
        let b = m * bytesPerGB
        let w = u * t * flopsPerComputeUnitMinute
        switch tableIndex {
        case 0: return KernelWork(matmul: w / 2, memory: b)
        case 1: return KernelWork(matmul: w)
        case 2: return KernelWork(matmul: w / 4, memory: b * t)
        case 3: return KernelWork(matmul: w / 2, transfer: 2 * b)
        case 4: return KernelWork(allocation: m * 1024)
        case 5: return KernelWork(transfer: 2 * b)
        default: return KernelWork(compile: u)
        }
    }

    /// The kernels an operation uses (a non-zero coefficient in the table).
    public static func kernels(of operation: ScenarioOperation) -> [CalibrationKernel] {
        let w = of(operation: operation.tableIndex, memoryGB: 1, computeUnits: 1, minutes: 1)
        return CalibrationKernel.allCases.filter { w[$0] != 0 }
    }
}

/// Seconds per unit of kernel work on one class of hardware: a calibration profile
/// (`providers.service_time.calibration`, the file `gctsim calibrate` writes).
public struct ServiceCalibration: Hashable, Sendable {
    /// The device the profile was measured on (its `device`), for reports.
    public var device: String
    /// Seconds per unit of each kernel that has a figure.
    public var secondsPerUnit: [CalibrationKernel: Double]

    public init(device: String, secondsPerUnit: [CalibrationKernel: Double]) {
        self.device = device
        self.secondsPerUnit = secondsPerUnit
    }

    /// Whether every kernel `operation` uses has a figure; if not, the operation keeps the
    /// scenario's service-time distribution.
    public func calibrates(_ operation: ScenarioOperation) -> Bool {
        KernelWork.kernels(of: operation).allSatisfy { secondsPerUnit[$0] != nil }
    }

    /// The calibrated operations, in table order.
    public var calibratedOperations: [ScenarioOperation] { ScenarioOperation.allCases.filter(calibrates) }

    /// Seconds per unit as one value (kernels without a figure: 0).
    public var rates: KernelWork {
        var r = KernelWork()
        for (k, v) in secondsPerUnit { r[k] = v }
        return r
    }

    /// The mean service time (seconds, before `speed`) of a request of `operation` with these
    /// resources, or `nil` when the operation is not calibrated.
    public func meanSeconds(_ operation: ScenarioOperation, memoryGB: Double, computeUnits: Double, minutes: Double) -> Double? {
        guard calibrates(operation) else { return nil }
        return KernelWork.of(operation: operation.tableIndex, memoryGB: memoryGB, computeUnits: computeUnits, minutes: minutes).dot(rates)
    }
}

/// A group of identical servers (`providers.groups`): how many, and the hardware's calibration
/// (absent: `providers.service_time`, calibrated or not).
public struct ProviderGroup: Hashable, Sendable {
    public var servers: Int
    public var calibration: ServiceCalibration?

    public init(servers: Int, calibration: ServiceCalibration? = nil) {
        self.servers = servers
        self.calibration = calibration
    }
}
