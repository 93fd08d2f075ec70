/// The continuous uniform distribution on the open interval (lower, upper).
@frozen
public struct UniformDistribution: SamplingDistribution {
    public let lower: Double
    public let upper: Double

    /// - Precondition: `lower < upper`, both finite.
    @inlinable
    public init(lower: Double, upper: Double) {
        precondition(lower.isFinite && upper.isFinite && lower < upper, "uniform needs lower < upper, got \(lower), \(upper)")
        self.lower = lower
        self.upper = upper
    }

    /// `lower + (upper - lower) u`, one 64-bit draw.
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Double {
        lower + (upper - lower) * stream.uniform()
    }

    /// (a + b) / 2
    public var mean: Double { (lower + upper) / 2 }
    /// (b - a)^2 / 12
    public var variance: Double { (upper - lower) * (upper - lower) / 12 }
}
