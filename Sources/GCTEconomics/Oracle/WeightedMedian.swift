/// The weighted median used by `calculate_consensus_*` ("weighted median (more robust than mean)").
///
/// Definition (departures row P6): sort the samples by value, ties by key (validator id)
/// ascending; drop zero weights; with total weight W, take the first sample k whose cumulative
/// weight C_k satisfies 2·C_k ≥ W. If 2·C_k = W exactly (an even split), the median is the
/// midpoint of v_k and the next value, rounded to the nearest 10⁻⁹ (ties to even), like the
/// ordinary median of an even count; otherwise it is v_k. Exact integer arithmetic throughout,
/// so the result does not depend on the input order.
public enum WeightedMedian {
    /// A value with its weight and a tie-breaking key.
    public struct Sample: Hashable, Sendable {
        public var value: FixedDecimal
        public var weight: UInt128
        public var key: String
        public init(value: FixedDecimal, weight: UInt128, key: String) {
            self.value = value
            self.weight = weight
            self.key = key
        }
    }

    /// The weighted median, or `nil` when the total weight is zero.
    ///
    /// Worked: values 1, 2, 3, 4 with equal weights: C = W/2 exactly at 2, so (2 + 3)/2 = 2.5.
    /// Values 10, 20, 30 with weights 1, 1, 2: W = 4, C = 2 = W/2 at 20, so (20 + 30)/2 = 25.
    ///
    /// - Complexity: O(n log n).
    public static func of(_ samples: [Sample]) -> FixedDecimal? {
        var positive = samples.filter { $0.weight > 0 }
        return of(positiveWeights: &positive)
    }

    /// The weighted median of samples that all have a positive weight, sorting them in place (so that a
    /// caller can reuse one buffer across fields); `nil` when there are none.
    ///
    /// - Precondition: every weight is positive.
    /// - Complexity: O(n log n).
    public static func of(positiveWeights samples: inout [Sample]) -> FixedDecimal? {
        samples.sort {
            $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key
        }
        let sorted = samples
        var total: UInt128 = 0
        for s in sorted { total += s.weight }
        guard total > 0 else { return nil }
        var cumulative: UInt128 = 0
        for (k, s) in sorted.enumerated() {
            cumulative += s.weight
            // 2·C ≥ W, compared without overflow: C ≥ W − C
            guard cumulative >= total - cumulative else { continue }
            if cumulative == total - cumulative, k + 1 < sorted.count {
                let sum = UInt128(s.value.nanos) + UInt128(sorted[k + 1].value.nanos)
                let mid = ExactArithmetic.divide(sum, by: 2, rounding: .toNearestOrEven).quotient
                return FixedDecimal(nanos: Int64(mid))
            }
            return s.value
        }
        return sorted.last?.value
    }
}
