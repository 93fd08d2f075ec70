@testable import GCTEngine
import Testing
import _GCTTestSupport

@Suite("Welford")
struct WelfordTests {
    @Test("matches a two-pass computation, even with a large offset", arguments: [0.0, 1e9])
    func twoPass(offset: Double) {
        var generator = SeededGenerator(seed: 12)
        let values = (0 ..< 10_000).map { _ in offset + Double.random(in: -1 ... 1, using: &generator) }
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        let welford = Welford(values)
        #expect(welford.count == 10_000)
        #expect(abs(welford.mean - mean) <= 1e-12 * max(1, abs(mean)))
        #expect(abs(welford.variance - variance) <= 1e-6 * variance)
        #expect(welford.minimum == values.min())
        #expect(welford.maximum == values.max())
    }

    @Test("a worked example: 2, 4, 4, 4, 5, 5, 7, 9")
    func workedExample() {
        // mean 40 / 8 = 5; squared deviations 9+1+1+1+0+0+4+16 = 32; population 32/8 = 4; sample 32/7.
        let welford = Welford([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(welford.mean == 5)
        #expect(welford.populationVariance == 4)
        #expect(abs(welford.variance - 32.0 / 7) < 1e-12)
        #expect(abs(welford.standardError - (32.0 / 7 / 8).squareRoot()) < 1e-12)
    }

    @Test("merging two accumulators equals accumulating everything")
    func merge() {
        var generator = SeededGenerator(seed: 3)
        let values = (0 ..< 1_001).map { _ in Double.random(in: 0 ... 100, using: &generator) }
        var left = Welford(values[..<400])
        left.merge(Welford(values[400...]))
        let whole = Welford(values)
        #expect(left.count == whole.count)
        #expect(abs(left.mean - whole.mean) < 1e-10)
        #expect(abs(left.variance - whole.variance) < 1e-8)
        var empty = Welford()
        empty.merge(whole)
        #expect(empty == whole)
    }

    @Test("fewer than two observations have zero variance")
    func degenerate() {
        #expect(Welford().variance == 0)
        #expect(Welford([3]).variance == 0)
        #expect(Welford([3]).mean == 3)
    }
}

@Suite("Student t and confidence intervals")
struct StudentTTests {
    /// Two-sided table values (e.g. NIST/SEMATECH e-Handbook, Table 1.3.6.7.2), 3 decimals.
    static let table: [(p: Double, df: Double, t: Double)] = [
        (0.975, 1, 12.706), (0.975, 2, 4.303), (0.975, 3, 3.182), (0.975, 5, 2.571), (0.975, 9, 2.262),
        (0.975, 10, 2.228), (0.975, 20, 2.086), (0.975, 30, 2.042), (0.975, 100, 1.984), (0.975, .infinity, 1.960),
        (0.95, 1, 6.314), (0.95, 10, 1.812), (0.995, 5, 4.032), (0.995, 30, 2.750), (0.9995, 1, 636.619),
        (0.90, 4, 1.533), (0.75, 7, 0.711),
    ]

    @Test("quantiles match the table to 1e-3", arguments: table.indices)
    func quantiles(index: Int) {
        let row = Self.table[index]
        let t = StudentT.quantile(row.p, degreesOfFreedom: row.df)
        #expect(abs(t - row.t) <= 5e-4 + 1e-9 * row.t, "t(\(row.p), \(row.df)) = \(t), table \(row.t)")
        #expect(StudentT.quantile(1 - row.p, degreesOfFreedom: row.df) == -t)
    }

    @Test("the CDF inverts the quantile and Cauchy (ν = 1) has a closed form")
    func roundTrip() {
        for df in [1.0, 2.5, 7, 40, 5_000] {
            for p in [0.6, 0.9, 0.975, 0.999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - p) < 1e-10, "df \(df), p \(p)")
            }
        }
        // ν = 1: t_p = tan(π (p - 1/2)); p = 0.975 → tan(0.475 π) = 12.706 204 736…
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 1) - 12.706_204_736) < 1e-6)
        // ν = 2: t_p = (2p - 1) sqrt(2 / (4 p (1 - p))); p = 0.975 → 0.95 × sqrt(2 / 0.0975) = 4.302 652 73
        #expect(abs(StudentT.quantile(0.975, degreesOfFreedom: 2) - 4.302_652_73) < 1e-6)
        #expect(abs(StudentT.normalQuantile(0.975) - 1.959_963_985) < 1e-8)
    }

    @Test("large ν approaches the normal quantile smoothly across the switch at 10^5")
    func largeDegrees() {
        let below = StudentT.quantile(0.975, degreesOfFreedom: 99_999)
        let above = StudentT.quantile(0.975, degreesOfFreedom: 100_001)
        #expect(abs(below - above) < 1e-7)
        #expect(below > 1.959_963_985 && below - 1.959_963_985 < 1e-4)
    }

    @Test("95 % interval for 1, 2, 3, 4, 5")
    func interval() throws {
        // mean 3, s² = 10 / 4 = 2.5, SE = sqrt(2.5 / 5) = 0.707 107, t(0.975, 4) = 2.776 445 → ± 1.963 243
        let interval = try #require(ConfidenceInterval(observations: [1, 2, 3, 4, 5]))
        #expect(interval.mean == 3)
        #expect(abs(interval.halfWidth - 1.963_243) < 1e-5)
        #expect(abs(interval.lower - 1.036_757) < 1e-5)
        #expect(interval.count == 5)
        #expect(ConfidenceInterval(observations: [1]) == nil)
    }
}

@Suite("TimeWeightedAverage")
struct TimeWeightedAverageTests {
    @Test("a worked example")
    func byHand() {
        // Value 0 on [0, 2), 3 on [2, 5), 1 from 5 on.
        // ∫ over [0, 10] = 0·2 + 3·3 + 1·5 = 14 → average 1.4; over [0, 12]: 16 / 12.
        var average = TimeWeightedAverage()
        average.record(3, at: .seconds(2))
        average.record(1, at: .seconds(5))
        #expect(average.integral(until: .seconds(10)) == 14)
        #expect(abs(average.average(until: .seconds(10)) - 1.4) < 1e-12)
        #expect(abs(average.average(until: .seconds(12)) - 16.0 / 12) < 1e-12)
        #expect(average.minimum == 0 && average.maximum == 3)
    }

    @Test("a late start and simultaneous changes")
    func lateStart() {
        // Start at 100 s with value 2; at 110 s it goes to 5 and immediately to 4 (zero-length piece).
        // ∫ over [100, 120] = 2·10 + 4·10 = 60 → average 3.
        var average = TimeWeightedAverage(start: .seconds(100), initialValue: 2)
        #expect(average.average(until: .seconds(100)) == 2)
        average.record(5, at: .seconds(110))
        average.record(4, at: .seconds(110))
        #expect(average.average(until: .seconds(120)) == 3)
    }

    @Test("many short pieces keep precision")
    func precision() {
        // 2 × 10^5 pieces of 1 µs alternating 0.1 and 0.3: average 0.2.
        var average = TimeWeightedAverage(initialValue: 0.1)
        for tick in 1 ..< 200_000 { average.record(tick % 2 == 0 ? 0.1 : 0.3, at: SimTime(ticks: Int64(tick))) }
        #expect(abs(average.average(until: SimTime(ticks: 200_000)) - 0.2) < 1e-14)
    }
}

@Suite("Histogram")
struct HistogramTests {
    @Test("linear buckets: counts, edges and quantiles within a bucket width")
    func linear() throws {
        var histogram = Histogram(.linear(lower: 0, upper: 1_000, buckets: 100))
        for value in 0 ..< 1_000 { histogram.record(Double(value)) }
        histogram.record(-5)
        histogram.record(2_000)
        #expect(histogram.counts.allSatisfy { $0 == 10 })
        #expect(histogram.underflow == 1 && histogram.overflow == 1 && histogram.count == 1_002)
        #expect(histogram.edges(ofBucket: 3) == (30, 40))
        // Exact quantiles of the data, compared within one bucket width (10).
        let sorted = ([-5.0, 2_000] + (0 ..< 1_000).map(Double.init)).sorted()
        for p in [0.01, 0.1, 0.5, 0.9, 0.99] {
            let estimate = try #require(histogram.quantile(p))
            let exact = sorted[Int((p * Double(sorted.count)).rounded(.up)) - 1]
            #expect(abs(estimate - exact) <= 10, "p \(p): \(estimate) vs \(exact)")
        }
        #expect(histogram.quantile(0) == -5)
        #expect(histogram.quantile(1) == 2_000)
        #expect(Histogram(.linear(lower: 0, upper: 1, buckets: 1)).quantile(0.5) == nil)
    }

    @Test("logarithmic buckets follow a heavy tail")
    func logarithmic() throws {
        var histogram = Histogram(.logarithmic(lower: 1, upper: 1e6, bucketsPerDecade: 10))
        #expect(histogram.bucketCount == 60)
        let lower = histogram.edges(ofBucket: 10).lower
        #expect(abs(lower - 10) < 1e-9)
        // Pareto(1, 1): P(X > x) = 1/x, so the median is 2 and the 99th percentile is 100.
        let pareto = ParetoDistribution(scale: 1, shape: 1)
        var stream = RandomStream(seed: 4, stream: StreamID(purpose: StreamPurpose(rawValue: 8)))
        for _ in 0 ..< 200_000 { histogram.record(pareto.sample(&stream)) }
        let median = try #require(histogram.quantile(0.5))
        let p99 = try #require(histogram.quantile(0.99))
        // One bucket is a factor 10^0.1 ≈ 1.26 wide.
        #expect(median > 2 / 1.26 && median < 2 * 1.26, "median \(median)")
        #expect(p99 > 100 / 1.26 && p99 < 100 * 1.26, "p99 \(p99)")
    }
}
