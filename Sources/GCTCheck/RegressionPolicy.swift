import Foundation
import GCTEngine

/// When a metric counts as changed: Welch's t-test says the difference is significant at `alpha`
/// (two-sided) AND the difference is relevant, `|now − baseline| > max(relativeEffect × |baseline|, absoluteEffect)`.
/// Both are needed, so replication noise does not fail CI (not significant) and neither do
/// negligible but detectable shifts (not relevant). See docs/invariants.md.
public struct RegressionPolicy: Hashable, Sendable {
    /// Significance level of Welch's t-test. Default 0.001.
    public var alpha: Double
    /// Smallest relevant change relative to the baseline mean. Default 5 %.
    public var relativeEffect: Double
    /// Smallest relevant change in the metric's units, for metrics whose baseline is near zero. Default 0.001.
    public var absoluteEffect: Double

    public init(alpha: Double = 0.001, relativeEffect: Double = 0.05, absoluteEffect: Double = 0.001) {
        self.alpha = alpha
        self.relativeEffect = relativeEffect
        self.absoluteEffect = absoluteEffect
    }

    /// The relevance threshold for a metric with this baseline mean.
    public func threshold(baselineMean: Double) -> Double {
        Swift.max(relativeEffect * abs(baselineMean), absoluteEffect)
    }
}

/// A metric of a run compared with its baseline.
public struct MetricComparison: Hashable, Sendable {
    public enum Verdict: Hashable, Sendable {
        case pass
        case fail(String)
        /// Not compared (no baseline for this metric); not a failure.
        case skipped(String)
    }

    public var metric: String
    public var baseline: MetricBaseline?
    public var current: MetricBaseline?
    public var welch: WelchTest?
    public var verdict: Verdict

    public var isFailure: Bool { if case .fail = verdict { true } else { false } }

    /// `now − baseline` (nil when either is missing).
    public var difference: Double? {
        guard let b = baseline, let c = current else { return nil }
        return c.mean - b.mean
    }

    /// Compares `current` with `baseline` under `policy`.
    public init(metric: String, baseline: MetricBaseline?, current: MetricBaseline?, policy: RegressionPolicy) {
        self.metric = metric
        self.baseline = baseline
        self.current = current
        guard let b = baseline else {
            verdict = .skipped("metric '\(metric)' has no baseline")
            return
        }
        guard let c = current else {
            verdict = .fail("metric '\(metric)' is in the baseline but this run did not produce it")
            return
        }
        guard c.mean.isFinite else {
            verdict = .fail("metric '\(metric)' is not finite: \(c.mean)")
            return
        }
        if let bounds = b.bounds, !bounds.contains(c.mean) {
            verdict = .fail("metric '\(metric)' = \(c.mean) outside its bounds \(bounds.description)")
            return
        }
        let diff = c.mean - b.mean
        let threshold = policy.threshold(baselineMean: b.mean)
        let significant: Bool
        var reason: String
        if b.n >= 2 && c.n >= 2 {
            let w = WelchTest(baseline: (b.mean, b.sd, b.n), current: (c.mean, c.sd, c.n), alpha: policy.alpha)
            welch = w
            significant = w.isSignificant
            reason = "Welch t = \(Self.format(w.t)) (|t| > \(Self.format(w.critical)) at α = \(policy.alpha), ν = \(Self.format(w.degreesOfFreedom)))"
        } else {
            significant = diff != 0
            reason = "single replication: any difference is significant"
        }
        let relevant = abs(diff) > threshold
        if significant && relevant {
            let pct = b.mean != 0 ? String(format: " (%+.1f %%)", 100 * diff / abs(b.mean)) : ""
            reason = "metric '\(metric)' moved from \(Self.format(b.mean)) to \(Self.format(c.mean)), Δ = \(Self.format(diff))\(pct): \(reason) and |Δ| > \(Self.format(threshold))"
            verdict = .fail(reason)
        } else {
            verdict = .pass
        }
    }

    static func format(_ x: Double) -> String {
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        if x == x.rounded() && abs(x) < 1e15 { return String(Int64(x)) }
        return String(format: "%.6g", x)
    }
}
