/// A declarative probability distribution, as written in a scenario.
///
/// The engine samples it; this type only describes it. Where the quantity is a time
/// (a service time), every location/scale parameter is in **seconds** (the file writes
/// `mean: 1s`); shape parameters (`cv`, `shape`) and weights are plain numbers.
public enum DistributionSpec: Hashable, Sendable {
    /// Always `value`.
    case constant(value: Double)
    /// Uniform on `[min, max]`.
    case uniform(min: Double, max: Double)
    /// Exponential with the given mean (rate `1/mean`).
    case exponential(mean: Double)
    /// Normal with mean and standard deviation (the world truncates at 0 for non-negative quantities).
    case normal(mean: Double, sd: Double)
    /// Log-normal given by its own mean and coefficient of variation `sd/mean`.
    case lognormal(mean: Double, cv: Double)
    /// Pareto (type I) with scale `x_m > 0` and shape `alpha > 0`.
    case pareto(scale: Double, shape: Double)
    /// A discrete distribution over `values` with relative `weights` (same length).
    case empirical(values: [Double], weights: [Double])

    /// The YAML names of the kinds (`dist:`), in declaration order.
    public static let kindNames = ["constant", "uniform", "exponential", "normal", "lognormal", "pareto", "empirical"]

    /// The YAML name of this kind.
    public var kindName: String {
        switch self {
        case .constant: "constant"
        case .uniform: "uniform"
        case .exponential: "exponential"
        case .normal: "normal"
        case .lognormal: "lognormal"
        case .pareto: "pareto"
        case .empirical: "empirical"
        }
    }

    /// The mean of the distribution, or `nil` when it is infinite (Pareto with shape ≤ 1).
    public var mean: Double? {
        switch self {
        case let .constant(v): return v
        case let .uniform(a, b): return (a + b) / 2
        case let .exponential(m): return m
        case let .normal(m, _): return m
        case let .lognormal(m, _): return m
        case let .pareto(xm, alpha): return alpha > 1 ? alpha * xm / (alpha - 1) : nil
        case let .empirical(values, weights):
            let total = weights.reduce(0, +)
            return zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        }
    }

    /// The smallest value the distribution can take (the infimum of its support):
    /// `0` for exponential, normal (truncated at 0) and log-normal.
    public var supportMinimum: Double {
        switch self {
        case let .constant(v): return v
        case let .uniform(a, _): return a
        case .exponential, .normal, .lognormal: return 0
        case let .pareto(xm, _): return xm
        case let .empirical(values, weights):
            return zip(values, weights).filter { $0.1 > 0 }.map(\.0).min() ?? values.min() ?? 0
        }
    }

    /// What is wrong with the parameters for a non-negative quantity, or `nil` when they are valid.
    ///
    /// Rules: every number finite; values non-negative; `exponential.mean > 0`; `uniform.min <= max`;
    /// `normal.sd >= 0`; `lognormal.mean > 0`, `cv >= 0`; `pareto.scale > 0`, `shape > 0`;
    /// `empirical` non-empty, as many weights as values, weights non-negative with a positive sum.
    public var validationProblem: String? {
        func bad(_ x: Double) -> Bool { !x.isFinite }
        switch self {
        case let .constant(v):
            if bad(v) || v < 0 { return "constant value must be a finite number >= 0, got \(v)" }
        case let .uniform(a, b):
            if bad(a) || bad(b) || a < 0 { return "uniform min must be a finite number >= 0, got \(a)" }
            if a > b { return "uniform min (\(a)) must not exceed max (\(b))" }
        case let .exponential(m):
            if bad(m) || m <= 0 { return "exponential mean must be > 0, got \(m)" }
        case let .normal(m, sd):
            if bad(m) || m < 0 { return "normal mean must be a finite number >= 0, got \(m)" }
            if bad(sd) || sd < 0 { return "normal sd must be >= 0, got \(sd)" }
        case let .lognormal(m, cv):
            if bad(m) || m <= 0 { return "lognormal mean must be > 0, got \(m)" }
            if bad(cv) || cv < 0 { return "lognormal cv must be >= 0, got \(cv)" }
        case let .pareto(xm, alpha):
            if bad(xm) || xm <= 0 { return "pareto scale must be > 0, got \(xm)" }
            if bad(alpha) || alpha <= 0 { return "pareto shape must be > 0, got \(alpha)" }
        case let .empirical(values, weights):
            if values.isEmpty { return "empirical values must not be empty" }
            if values.count != weights.count {
                return "empirical needs as many weights (\(weights.count)) as values (\(values.count))"
            }
            if let v = values.first(where: { bad($0) || $0 < 0 }) { return "empirical values must be >= 0, got \(v)" }
            if let w = weights.first(where: { bad($0) || $0 < 0 }) { return "empirical weights must be >= 0, got \(w)" }
            if !(weights.reduce(0, +) > 0) { return "empirical weights must have a positive sum" }
        }
        return nil
    }
}
