/// A distribution over the indices `0 ..< weights.count` with probabilities proportional to `weights`,
/// sampled in O(1) by Walker's alias method (Vose's construction, exact up to rounding).
public struct CategoricalDistribution: SamplingDistribution {
    /// The normalized probabilities, in the order given.
    public let probabilities: [Double]
    /// For column i: the probability of keeping i (else take `alias[i]`).
    @usableFromInline internal let keep: [Double]
    @usableFromInline internal let alias: [Int]

    /// - Precondition: at least one weight, every weight finite and >= 0, and a positive sum.
    public init(weights: [Double]) {
        precondition(!weights.isEmpty, "categorical needs at least one weight")
        precondition(weights.allSatisfy { $0 >= 0 && $0.isFinite }, "categorical weights must be finite and >= 0")
        let total = weights.reduce(0, +)
        precondition(total > 0, "categorical weights must have a positive sum")
        let n = weights.count
        probabilities = weights.map { $0 / total }
        // Vose: scale to mean 1, pair each small column with a large one.
        var scaled = probabilities.map { $0 * Double(n) }
        var keep = [Double](repeating: 1, count: n)
        var alias = Array(0 ..< n)
        var small: [Int] = []
        var large: [Int] = []
        for index in 0 ..< n {
            if scaled[index] < 1 { small.append(index) } else { large.append(index) }
        }
        while let less = small.popLast(), let more = large.popLast() {
            keep[less] = scaled[less]
            alias[less] = more
            scaled[more] = (scaled[more] + scaled[less]) - 1
            if scaled[more] < 1 { small.append(more) } else { large.append(more) }
        }
        // Whatever is left is 1 up to rounding.
        for index in small + large { keep[index] = 1 }
        self.keep = keep
        self.alias = alias
    }

    /// Two 64-bit draws: the first picks a column (Lemire's multiply-shift, bias < n / 2^64), the second
    /// decides between the column and its alias, so the two choices are independent.
    @inlinable
    public func sample(_ stream: inout RandomStream) -> Int {
        let column = Int(truncatingIfNeeded: stream.next().multipliedFullWidth(by: UInt64(keep.count)).high)
        return stream.uniform() < keep[column] ? column : alias[column]
    }

    /// The mean of the index.
    public var mean: Double {
        probabilities.enumerated().reduce(0) { $0 + Double($1.offset) * $1.element }
    }
    /// The variance of the index.
    public var variance: Double {
        let m = mean
        return probabilities.enumerated().reduce(0) { $0 + (Double($1.offset) - m) * (Double($1.offset) - m) * $1.element }
    }
}
