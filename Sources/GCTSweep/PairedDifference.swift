import GCTEngine

/// Which way a metric is better.
public enum Direction: String, Sendable {
    case higher = "higher is better"
    case lower = "lower is better"
}

/// The verdict on one metric.
public enum Verdict: String, Sendable {
    case better, worse
    case noSignificantChange = "no significant change"
}

/// The paired difference `variant − baseline` over replications run with the same random streams:
/// mean, sample variance, and the 95 % Student-t CI `mean ± t(0.975, n−1) · s / √n`.
public struct PairedDifference: Sendable, Equatable {
    public var count: Int
    public var mean: Double
    /// Sample variance of the differences (n − 1 denominator).
    public var variance: Double
    public var ciLow: Double
    public var ciHigh: Double

    public init(baseline: [Double], variant: [Double]) {
        precondition(baseline.count == variant.count, "paired samples need equal lengths")
        let d = zip(variant, baseline).map { $0 - $1 }
        count = d.count
        let w = Welford(d)
        mean = count > 0 ? w.mean : .nan
        variance = count > 1 ? w.variance : .nan
        if let ci = ConfidenceInterval(w) {
            ciLow = ci.lower
            ciHigh = ci.upper
        } else {
            ciLow = .nan
            ciHigh = .nan
        }
    }

    /// Better or worse when the CI excludes 0 (and the difference is not exactly 0), else no significant change.
    public func verdict(_ direction: Direction) -> Verdict {
        guard count >= 2, !ciLow.isNaN else { return .noSignificantChange }
        let up = ciLow > 0, down = ciHigh < 0
        if !up && !down { return .noSignificantChange }
        return (up == (direction == .higher)) ? .better : .worse
    }
}

/// The sample variance of `x` (n − 1 denominator), NaN below two values.
public func sampleVariance(_ x: [Double]) -> Double {
    x.count > 1 ? Welford(x).variance : .nan
}
