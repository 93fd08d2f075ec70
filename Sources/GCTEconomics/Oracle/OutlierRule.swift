/// When a report is an outlier (`detect_outlier_reports`, undefined in PRD-010; departures row P7).
///
/// A report is an outlier if, for any field, `|value − consensus| > maxRelativeDeviation × consensus
/// + absoluteTolerance`. With `maxRelativeDeviation == nil` nothing is an outlier.
public struct OutlierRule: Hashable, Sendable {
    public var maxRelativeDeviation: Rate?
    public var absoluteTolerance: FixedDecimal

    public init(maxRelativeDeviation: Rate?, absoluteTolerance: FixedDecimal = .zero) {
        self.maxRelativeDeviation = maxRelativeDeviation
        self.absoluteTolerance = absoluteTolerance
    }

    /// 25 % relative deviation, no absolute tolerance.
    public static let `default` = OutlierRule(maxRelativeDeviation: Rate(1, over: 4))
    /// Never an outlier.
    public static let disabled = OutlierRule(maxRelativeDeviation: nil)

    /// Whether `value` is an outlier against `consensus`.
    public func isOutlier(_ value: FixedDecimal, consensus: FixedDecimal) -> Bool {
        guard let k = maxRelativeDeviation else { return false }
        let deviation = UInt128(abs(value.nanos - consensus.nanos))
        // deviation > k·m + tol  ⟺  deviation·k.d > k.n·m + tol·k.d
        let lhs = deviation * UInt128(k.denominator)
        let rhs = UInt128(k.numerator) * UInt128(consensus.nanos) + UInt128(absoluteTolerance.nanos) * UInt128(k.denominator)
        return lhs > rhs
    }
}
