import CGCTKernels
import GCTEconomics

/// R replications × D days of the token-flow model on a backend (the kernel `gct_tokenflow_step`).
public enum TokenFlowEnsemble {
    /// The result: every day of every replication (replication-major) when asked for, and each
    /// replication's last day.
    public struct Result: Sendable {
        public var daily: [TokenFlowDay]?
        public var finals: [TokenFlowDay]
    }

    /// Runs the ensemble.
    ///
    /// - Parameters:
    ///   - keepDaily: whether to return every day (R × D entries) or only the last.
    ///   - threads: host threads of the CPU backend (0: every core); the results are the same for any
    ///     number (each replication is computed whole by one thread, into its own slots).
    /// - Throws: `KernelError.invalidArgument` for parameters outside the kernel's ranges (rates with
    ///   numerator and denominator below 2³², capacity ≤ 9·10⁹, …), or the GPU's runtime error.
    public static func run(_ parameters: TokenFlowParameters, keepDaily: Bool = false, threads: Int = 0,
                           on backend: ComputeBackend) throws(KernelError) -> Result
    {
        var p = parameters.cParameters
        let r = max(parameters.replications, 0)
        if r == 0 { return Result(daily: keepDaily ? [] : nil, finals: []) }
        var finals = [gct_tokenflow_day](repeating: gct_tokenflow_day(), count: r)
        var daily = [gct_tokenflow_day](repeating: gct_tokenflow_day(), count: keepDaily ? r * max(parameters.days, 0) : 0)
        let status: Int32 = finals.withUnsafeMutableBufferPointer { f in
            daily.withUnsafeMutableBufferPointer { d in
                let dailyPointer = keepDaily ? d.baseAddress : nil
                switch backend {
                case .cpu:
                    return gct_cpu_tokenflow_ensemble_threads(&p, Int32(clamping: max(threads, 0)), dailyPointer, f.baseAddress)
                case let .gpu(library, _): return library.tokenflow(&p, dailyPointer, f.baseAddress!)
                }
            }
        }
        if status != GCT_OK {
            if case let .gpu(library, _) = backend {
                throw KernelError.from(status: status, call: "gct_gpu_tokenflow_ensemble", detail: library.lastError())
            }
            throw KernelError.from(status: status, call: "gct_cpu_tokenflow_ensemble", detail: "parameters out of range")
        }
        return Result(daily: keepDaily ? daily.map(TokenFlowDay.init) : nil, finals: finals.map(TokenFlowDay.init))
    }
}
