#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A histogram with fixed linear or logarithmic buckets, for distributions of waits, sizes and prices,
/// with approximate quantiles.
///
/// Values below the first bucket or at/above the last bucket's upper edge are counted as underflow or
/// overflow; the exact minimum and maximum are kept so that quantiles falling there are still bounded.
public struct Histogram: Hashable, Sendable {
    /// How the range is cut into buckets. Buckets are half-open, [lower edge, upper edge).
    public enum Layout: Hashable, Sendable {
        /// `buckets` equal-width buckets over [lower, upper).
        case linear(lower: Double, upper: Double, buckets: Int)
        /// Buckets of equal ratio over [lower, upper), `bucketsPerDecade` per factor of ten (lower > 0).
        case logarithmic(lower: Double, upper: Double, bucketsPerDecade: Int)
    }

    public let layout: Layout
    /// Observations per bucket.
    public private(set) var counts: [Int]
    public private(set) var underflow: Int = 0
    public private(set) var overflow: Int = 0
    /// All observations, including under- and overflow.
    public private(set) var count: Int = 0
    public private(set) var minimum: Double = .infinity
    public private(set) var maximum: Double = -.infinity

    /// - Precondition: `lower < upper`, at least one bucket, and `lower > 0` for a logarithmic layout.
    public init(_ layout: Layout) {
        self.layout = layout
        switch layout {
        case let .linear(lower, upper, buckets):
            precondition(lower < upper && buckets > 0, "linear histogram needs lower < upper and buckets > 0")
            counts = Array(repeating: 0, count: buckets)
        case let .logarithmic(lower, upper, perDecade):
            precondition(lower > 0 && lower < upper && perDecade > 0, "log histogram needs 0 < lower < upper and bucketsPerDecade > 0")
            let buckets = Int((log10(upper / lower) * Double(perDecade)).rounded(.up))
            counts = Array(repeating: 0, count: Swift.max(1, buckets))
        }
    }

    /// The number of buckets.
    public var bucketCount: Int { counts.count }

    /// The edges [lower, upper) of bucket `index`.
    public func edges(ofBucket index: Int) -> (lower: Double, upper: Double) {
        switch layout {
        case let .linear(lower, upper, buckets):
            let width = (upper - lower) / Double(buckets)
            return (lower + Double(index) * width, index == buckets - 1 ? upper : lower + Double(index + 1) * width)
        case let .logarithmic(lower, upper, perDecade):
            let low = lower * pow(10, Double(index) / Double(perDecade))
            let high = index == counts.count - 1 ? upper : lower * pow(10, Double(index + 1) / Double(perDecade))
            return (low, high)
        }
    }

    /// Counts one observation.
    ///
    /// - Complexity: O(1).
    public mutating func record(_ value: Double) {
        precondition(!value.isNaN, "histogram: cannot record NaN")
        count += 1
        minimum = Swift.min(minimum, value)
        maximum = Swift.max(maximum, value)
        switch layout {
        case let .linear(lower, upper, buckets):
            if value < lower { underflow += 1; return }
            if value >= upper { overflow += 1; return }
            counts[bucket(of: value, estimate: Int((value - lower) * Double(buckets) / (upper - lower)))] += 1
        case let .logarithmic(lower, upper, perDecade):
            if value < lower { underflow += 1; return }
            if value >= upper { overflow += 1; return }
            counts[bucket(of: value, estimate: Int(log10(value / lower) * Double(perDecade)))] += 1
        }
    }

    /// The bucket whose edges (as `edges(ofBucket:)` computes them) hold `value`, starting from an
    /// estimate that rounding may have put one bucket off.
    private func bucket(of value: Double, estimate: Int) -> Int {
        var index = Swift.min(Swift.max(estimate, 0), counts.count - 1)
        while index > 0 && value < edges(ofBucket: index).lower { index -= 1 }
        while index < counts.count - 1 && value >= edges(ofBucket: index).upper { index += 1 }
        return index
    }

    /// An estimate of the p-quantile: the value below which a fraction `p` of the observations fall,
    /// interpolated within its bucket (linearly, or geometrically for a logarithmic layout) and clamped
    /// to the observed [minimum, maximum]. Under- and overflow ranks give the minimum and maximum.
    ///
    /// - Returns: `nil` when empty.
    /// - Complexity: O(buckets).
    public func quantile(_ p: Double) -> Double? {
        precondition(p >= 0 && p <= 1, "quantile needs 0 <= p <= 1, got \(p)")
        guard count > 0 else { return nil }
        let rank = p * Double(count)
        if p == 0 || rank <= Double(underflow) { return minimum }
        var cumulative = Double(underflow)
        for index in counts.indices where counts[index] > 0 {
            let inBucket = Double(counts[index])
            if rank <= cumulative + inBucket {
                let fraction = (rank - cumulative) / inBucket
                let (low, high) = edges(ofBucket: index)
                let value: Double
                switch layout {
                case .linear: value = low + fraction * (high - low)
                case .logarithmic: value = low * pow(high / low, fraction)
                }
                return Swift.min(Swift.max(value, minimum), maximum)
            }
            cumulative += inBucket
        }
        return maximum
    }
}
