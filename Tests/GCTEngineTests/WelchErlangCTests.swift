import GCTEngine
import Testing

@Suite("Statistics: Welch's t-test and Erlang C")
struct WelchErlangCTests {
    @Test("Welch's t: worked example")
    func welchWorked() {
        // s₁²/n₁ = 4/5 = 0.8, s₂²/n₂ = 9/5 = 1.8, SE² = 2.6, t = 3 / √2.6 = 1.8605;
        // ν = 2.6² / (0.8²/4 + 1.8²/4) = 6.76 / 0.97 = 6.9691.
        let w = WelchTest(baseline: (10, 2, 5), current: (13, 3, 5), alpha: 0.05)
        #expect(abs(w.t - 1.860521) < 1e-5)
        #expect(abs(w.degreesOfFreedom - 6.969072) < 1e-5)
        // t_{0.975, 7} = 2.3646; ν slightly below 7 gives slightly more.
        #expect(w.critical > 2.3646 && w.critical < 2.37)
        #expect(!w.isSignificant)
        // Mean 20: t = 10 / √2.6 = 6.2017 > t_{0.9995, 6.97} ≈ 5.41.
        let far = WelchTest(baseline: (10, 2, 5), current: (20, 3, 5), alpha: 0.001)
        #expect(abs(far.t - 6.201737) < 1e-5)
        #expect(far.critical > 5.40 && far.critical < 5.45)
        #expect(far.isSignificant)
    }

    @Test("Welch's t with no variance: equal means are not significant, different ones are")
    func welchZeroVariance() {
        #expect(!WelchTest(baseline: (5, 0, 3), current: (5, 0, 4), alpha: 0.001).isSignificant)
        let w = WelchTest(baseline: (5, 0, 3), current: (5.5, 0, 4), alpha: 0.001)
        #expect(w.t == .infinity && w.isSignificant)
    }

    @Test("Erlang C reference values")
    func erlangC() throws {
        // M/M/1, ρ = 0.5: Wq = ρ / (μ − λ) = 0.5 / 0.5 = 1.
        #expect(abs(try #require(ErlangC.meanWait(lambda: 0.5, mu: 1, servers: 1)) - 1) < 1e-12)
        // M/M/2, λ = μ = 1: P(wait) = 1/3, Wq = (1/3) / (2 − 1).
        #expect(abs(try #require(ErlangC.meanWait(lambda: 1, mu: 1, servers: 2)) - 1.0 / 3) < 1e-12)
        // M/M/4, λ = 3: Σ_{k<4} 3ᵏ/k! = 13, top = (81/24)/0.25 = 13.5, C = 13.5/26.5, Wq = C / (4 − 3).
        #expect(abs(try #require(ErlangC.meanWait(lambda: 3, mu: 1, servers: 4)) - 13.5 / 26.5) < 1e-12)
        #expect(ErlangC.meanWait(lambda: 4, mu: 1, servers: 4) == nil)
    }
}
