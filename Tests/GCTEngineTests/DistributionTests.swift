import GCTEngine
import Foundation
import Testing

/// A distribution with its mean and variance worked out by hand from its parameters.
struct MomentCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    let expectedMean: Double
    let expectedVariance: Double
    let declaredMean: Double
    let declaredVariance: Double
    let draw: @Sendable (inout RandomStream) -> Double

    init<D: SamplingDistribution>(_ name: String, _ distribution: D, mean: Double, variance: Double)
    where D.Value == Double {
        testDescription = name
        expectedMean = mean
        expectedVariance = variance
        declaredMean = distribution.mean
        declaredVariance = distribution.variance
        draw = { distribution.sample(&$0) }
    }

    init<D: SamplingDistribution>(_ name: String, _ distribution: D, mean: Double, variance: Double)
    where D.Value == Int {
        testDescription = name
        expectedMean = mean
        expectedVariance = variance
        declaredMean = distribution.mean
        declaredVariance = distribution.variance
        draw = { Double(distribution.sample(&$0)) }
    }
}

@Suite("Distributions")
struct DistributionTests {
    static let sampleSize = 200_000

    static let cases: [MomentCase] = [
        // (a + b) / 2 = 3.5; (b - a)^2 / 12 = 9 / 12 = 0.75
        MomentCase("uniform(2, 5)", UniformDistribution(lower: 2, upper: 5), mean: 3.5, variance: 0.75),
        // mean 2, variance mean^2 = 4
        MomentCase("exponential(mean 2)", ExponentialDistribution(mean: 2), mean: 2, variance: 4),
        // rate 4 → mean 0.25, variance 0.0625
        MomentCase("exponential(rate 4)", ExponentialDistribution(rate: 4), mean: 0.25, variance: 0.0625),
        MomentCase("normal(-1, 3)", NormalDistribution(mean: -1, standardDeviation: 3), mean: -1, variance: 9),
        // exp(0.5 + 0.16/2) = exp(0.58) = 1.786038431; (exp(0.16) - 1) exp(1 + 0.16) = 0.173510871 × 3.189933... = 0.553488...
        MomentCase("lognormal(mu 0.5, sigma 0.4)", LogNormalDistribution(mu: 0.5, sigma: 0.4),
                   mean: exp(0.58), variance: (exp(0.16) - 1) * exp(1.16)),
        // mean 10 and cv 0.5 → sd 5, variance 25 by construction.
        MomentCase("lognormal(mean 10, cv 0.5)", LogNormalDistribution(mean: 10, coefficientOfVariation: 0.5), mean: 10, variance: 25),
        // alpha x_m / (alpha - 1) = 20 / 9; x_m^2 alpha / ((alpha-1)^2 (alpha-2)) = 40 / (81 × 8) = 40 / 648
        MomentCase("pareto(2, 10)", ParetoDistribution(scale: 2, shape: 10), mean: 20.0 / 9, variance: 40.0 / 648),
        // 6 / 5 = 1.2; 6 / (25 × 4) = 0.06
        MomentCase("pareto(1, 6)", ParetoDistribution(scale: 1, shape: 6), mean: 1.2, variance: 0.06),
        // Poisson: mean = variance = lambda, on both sides of the inversion/PTRS switch at 10.
        MomentCase("poisson(0.5)", PoissonDistribution(mean: 0.5), mean: 0.5, variance: 0.5),
        MomentCase("poisson(3.7)", PoissonDistribution(mean: 3.7), mean: 3.7, variance: 3.7),
        MomentCase("poisson(9.99)", PoissonDistribution(mean: 9.99), mean: 9.99, variance: 9.99),
        MomentCase("poisson(10)", PoissonDistribution(mean: 10), mean: 10, variance: 10),
        MomentCase("poisson(47.3)", PoissonDistribution(mean: 47.3), mean: 47.3, variance: 47.3),
        MomentCase("poisson(5000)", PoissonDistribution(mean: 5_000), mean: 5_000, variance: 5_000),
        // Index with weights 1:2:3:4 → p = (0.1, 0.2, 0.3, 0.4): mean 0.2 + 0.6 + 1.2 = 2;
        // E[X²] = 0.2 + 1.2 + 3.6 = 5, variance 5 - 4 = 1.
        MomentCase("categorical(1, 2, 3, 4)", CategoricalDistribution(weights: [1, 2, 3, 4]), mean: 2, variance: 1),
        // Values 1, 10, 100 with p 0.5, 0.3, 0.2: mean 0.5 + 3 + 20 = 23.5;
        // E[X²] = 0.5 + 30 + 2000 = 2030.5, variance 2030.5 - 552.25 = 1478.25.
        MomentCase("empirical(1, 10, 100)", EmpiricalDistribution(values: [1, 10, 100], weights: [5, 3, 2]),
                   mean: 23.5, variance: 1_478.25),
    ]

    @Test("sample mean and variance within 5 standard errors of theory (n = 200 000, fixed seed)", arguments: cases)
    func moments(_ testCase: MomentCase) {
        #expect(abs(testCase.declaredMean - testCase.expectedMean) <= 1e-9 * max(1, abs(testCase.expectedMean)))
        #expect(abs(testCase.declaredVariance - testCase.expectedVariance) <= 1e-9 * max(1, testCase.expectedVariance))

        var stream = RandomStream(seed: 20_240_601, stream: StreamID(purpose: StreamPurpose(rawValue: 9)))
        let n = Self.sampleSize
        let values = (0 ..< n).map { _ in testCase.draw(&stream) }
        let mean = values.reduce(0, +) / Double(n)
        let deviations = values.map { $0 - mean }
        let variance = deviations.reduce(0) { $0 + $1 * $1 } / Double(n - 1)
        let fourth = deviations.reduce(0) { $0 + $1 * $1 * $1 * $1 } / Double(n)
        // SE(mean) = sigma / sqrt(n); SE(s²) ≈ sqrt((mu4 - sigma^4) / n), mu4 estimated from the sample.
        let meanTolerance = 5 * (testCase.expectedVariance / Double(n)).squareRoot()
        let varianceTolerance = 5 * ((fourth - testCase.expectedVariance * testCase.expectedVariance) / Double(n)).squareRoot()
        #expect(abs(mean - testCase.expectedMean) <= meanTolerance, "mean \(mean) vs \(testCase.expectedMean) ± \(meanTolerance)")
        #expect(abs(variance - testCase.expectedVariance) <= varianceTolerance,
                "variance \(variance) vs \(testCase.expectedVariance) ± \(varianceTolerance)")
    }

    /// Observed frequency of `event` within 5 binomial standard errors of `probability`.
    private func expectFrequency(_ count: Int, of n: Int, near probability: Double, _ what: String) {
        let tolerance = 5 * (probability * (1 - probability) / Double(n)).squareRoot()
        #expect(abs(Double(count) / Double(n) - probability) <= tolerance, "\(what): \(Double(count) / Double(n)) vs \(probability)")
    }

    @Test("Poisson probabilities match exp(-λ) λ^k / k! on both samplers", arguments: [3.7, 47.3])
    func poissonMass(lambda: Double) {
        let poisson = PoissonDistribution(mean: lambda)
        var stream = RandomStream(seed: 77, stream: StreamID(purpose: StreamPurpose(rawValue: 3)))
        let n = Self.sampleSize
        var counts: [Int: Int] = [:]
        for _ in 0 ..< n { counts[poisson.sample(&stream), default: 0] += 1 }
        let mode = Int(lambda)
        for k in max(0, mode - 6) ... mode + 6 {
            let probability = exp(-lambda + Double(k) * log(lambda) - lgamma(Double(k) + 1))
            expectFrequency(counts[k, default: 0], of: n, near: probability, "P(X = \(k))")
        }
        #expect(counts.keys.allSatisfy { $0 >= 0 })
    }

    @Test("normal and uniform CDFs at fixed points")
    func cdfs() {
        var stream = RandomStream(seed: 5, stream: StreamID(purpose: StreamPurpose(rawValue: 4)))
        let n = Self.sampleSize
        var belowOne = 0
        var belowMinusTwo = 0
        for _ in 0 ..< n {
            let z = NormalDistribution.standard.sample(&stream)
            if z <= 1 { belowOne += 1 }
            if z <= -2 { belowMinusTwo += 1 }
        }
        // Φ(1) = 0.841 344 746, Φ(-2) = 0.022 750 132
        expectFrequency(belowOne, of: n, near: 0.841_344_746, "Φ(1)")
        expectFrequency(belowMinusTwo, of: n, near: 0.022_750_132, "Φ(-2)")

        let exponential = ExponentialDistribution(mean: 1)
        var belowMean = 0
        for _ in 0 ..< n where exponential.sample(&stream) <= 1 { belowMean += 1 }
        // P(X <= mean) = 1 - e^-1 = 0.632 120 559
        expectFrequency(belowMean, of: n, near: 0.632_120_559, "1 - 1/e")
    }

    @Test("categorical frequencies match the weights, including zero weights")
    func categoricalFrequencies() {
        let weights: [Double] = [5, 0, 1, 3, 0.5, 0.5]
        let categorical = CategoricalDistribution(weights: weights)
        #expect(categorical.probabilities == weights.map { $0 / 10 })
        var stream = RandomStream(seed: 8, stream: StreamID(purpose: StreamPurpose(rawValue: 5)))
        let n = Self.sampleSize
        var counts = [Int](repeating: 0, count: weights.count)
        for _ in 0 ..< n { counts[categorical.sample(&stream)] += 1 }
        #expect(counts[1] == 0)
        for index in weights.indices where weights[index] > 0 {
            expectFrequency(counts[index], of: n, near: weights[index] / 10, "category \(index)")
        }
    }

    @Test("a constant never varies and draws nothing")
    func constant() {
        var stream = RandomStream(seed: 1, stream: StreamID(purpose: StreamPurpose(rawValue: 6)))
        let untouched = stream
        #expect(ConstantDistribution(7).sample(&stream) == 7)
        var a = stream
        var b = untouched
        #expect(a.next() == b.next())
    }

    @Test("Pareto never goes below its scale; exponential and lognormal stay positive")
    func supports() {
        var stream = RandomStream(seed: 2, stream: StreamID(purpose: StreamPurpose(rawValue: 7)))
        let pareto = ParetoDistribution(scale: 3, shape: 1.5)
        let exponential = ExponentialDistribution(mean: 1e-3)
        let lognormal = LogNormalDistribution(mu: 0, sigma: 2)
        var outside = 0
        for _ in 0 ..< 50_000 {
            if pareto.sample(&stream) < 3 { outside += 1 }
            if !(exponential.sample(&stream) > 0) { outside += 1 }
            if !(lognormal.sample(&stream) > 0) { outside += 1 }
        }
        #expect(outside == 0)
        #expect(ParetoDistribution(scale: 1, shape: 1).mean == .infinity)
        #expect(ParetoDistribution(scale: 1, shape: 2).variance == .infinity)
        #expect(PoissonDistribution(mean: 0).sample(&stream) == 0)
    }
}
