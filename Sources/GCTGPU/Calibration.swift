import CGCTKernels

/// A benchmark operation type timed by `gctsim calibrate`.
public enum BenchmarkOperation: String, Hashable, Sendable, CaseIterable, Codable {
    /// n×n double matrix product; unit: floating-point operation (2n³ per product).
    case matmul
    /// Stream triad a = b + s·c over n doubles (memory-bound); unit: byte moved (24n).
    case memory
    /// 1 MiB allocations and frees; unit: allocation.
    case allocation
    /// Host → device → host copies of n bytes (CPU: two memcpy); unit: byte.
    case transfer
    /// Runtime compilation of a small kernel with hiprtc (GPU only); unit: compilation.
    case compile

    var code: Int32 {
        switch self {
        case .matmul: Int32(GCT_BENCH_MATMUL)
        case .memory: Int32(GCT_BENCH_TRIAD)
        case .allocation: Int32(GCT_BENCH_ALLOC)
        case .transfer: Int32(GCT_BENCH_TRANSFER)
        case .compile: Int32(GCT_BENCH_COMPILE)
        }
    }

    /// The unit of work `secondsPerUnit` refers to.
    public var unit: String {
        switch self {
        case .matmul: "flop"
        case .memory, .transfer: "byte"
        case .allocation: "allocation"
        case .compile: "compilation"
        }
    }

    /// The default problem size on each backend (chosen so each run takes well under a second).
    public func defaultSize(gpu: Bool) -> Int64 {
        switch self {
        case .matmul: gpu ? 2048 : 256
        case .memory: gpu ? 1 << 26 : 1 << 22
        case .allocation: gpu ? 256 : 4096
        case .transfer: gpu ? 1 << 28 : 1 << 26
        case .compile: 3
        }
    }
}

/// One measured operation of a calibration profile.
public struct CalibrationEntry: Hashable, Sendable, Codable {
    public var operation: BenchmarkOperation
    public var unit: String
    public var size: Int64
    /// Best of the repetitions.
    public var seconds: Double?
    public var units: Double?
    /// seconds / units: what a scenario multiplies by its units of work to get a service time.
    public var secondsPerUnit: Double?
    /// Why there is no figure (e.g. no runtime compiler on the CPU path).
    public var note: String?
}

/// Seconds per unit of work per operation on one device: what scenarios use for service times.
public struct CalibrationProfile: Hashable, Sendable, Codable {
    /// `cpu` or `gpu`.
    public var backend: String
    /// The device's name (for the CPU: "host CPU (CPU twins)").
    public var device: String
    public var arch: String
    public var repetitions: Int
    public var entries: [CalibrationEntry]

    /// Times every operation `repetitions` times on `backend` and keeps the fastest.
    ///
    /// - Parameters:
    ///   - sizes: problem sizes per operation (default `defaultSize`).
    /// - Throws: the GPU's runtime error; an unsupported operation is recorded with a note instead.
    public static func measure(on backend: ComputeBackend, operations: [BenchmarkOperation] = BenchmarkOperation.allCases,
                               sizes: [BenchmarkOperation: Int64] = [:], repetitions: Int = 3) throws(KernelError)
        -> CalibrationProfile
    {
        var entries: [CalibrationEntry] = []
        for op in operations {
            let size = sizes[op] ?? op.defaultSize(gpu: backend.isGPU)
            var best: gct_bench_result?
            var note: String?
            for _ in 0 ..< max(repetitions, 1) {
                var r = gct_bench_result()
                let status: Int32
                switch backend {
                case .cpu: status = gct_cpu_bench(op.code, size, &r)
                case let .gpu(library, _): status = library.bench(op.code, size, &r)
                }
                if status == GCT_ERR_UNSUPPORTED {
                    note = backend.isGPU ? "not supported by this build (no hiprtc)" : "no runtime compiler on the CPU path"
                    break
                }
                guard status == GCT_OK else {
                    if case let .gpu(library, _) = backend {
                        throw KernelError.from(status: status, call: "gct_gpu_bench(\(op.rawValue))", detail: library.lastError())
                    }
                    throw KernelError.from(status: status, call: "gct_cpu_bench(\(op.rawValue))", detail: "size \(size)")
                }
                if best == nil || r.seconds < best!.seconds { best = r }
            }
            entries.append(CalibrationEntry(
                operation: op, unit: op.unit, size: size, seconds: best?.seconds, units: best?.units,
                secondsPerUnit: best.map { $0.units > 0 ? $0.seconds / $0.units : 0 }, note: note))
        }
        let (device, arch): (String, String) = switch backend {
        case .cpu: ("host CPU (CPU twins)", "host")
        case let .gpu(_, d): (d.name, d.arch)
        }
        return CalibrationProfile(backend: backend.isGPU ? "gpu" : "cpu", device: device, arch: arch,
                                  repetitions: max(repetitions, 1), entries: entries)
    }
}
