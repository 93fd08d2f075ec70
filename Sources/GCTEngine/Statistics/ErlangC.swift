/// The M/M/c queue's closed forms (Erlang C), for the validation scenario.
public enum ErlangC {
    /// The probability that an arrival waits, `C(c, a)` with offered load `a = λ/μ` and `ρ = a/c < 1`:
    /// `C = (aᶜ/c!)/(1−ρ) / (Σ_{k<c} aᵏ/k! + (aᶜ/c!)/(1−ρ))`.
    ///
    /// Worked: c = 2, λ = μ = 1: a = 1, ρ = 1/2, Σ = 1 + 1 = 2, top = (1/2)/(1/2) = 1, C = 1/3.
    public static func waitProbability(lambda: Double, mu: Double, servers c: Int) -> Double? {
        let a = lambda / mu, rho = a / Double(c)
        guard c >= 1, lambda > 0, mu > 0, rho < 1 else { return nil }
        var term = 1.0, sum = 0.0
        for k in 0..<c {
            if k > 0 { term *= a / Double(k) }
            sum += term
        }
        let top = term * a / Double(c) / (1 - rho)
        return top / (sum + top)
    }

    /// The mean queueing delay `W_q = C(c, a) / (cμ − λ)`; `nil` when the queue is unstable (ρ ≥ 1).
    ///
    /// Worked: M/M/1 with λ = 0.5, μ = 1: C = ρ = 0.5, W_q = 0.5 / 0.5 = 1 s.
    public static func meanWait(lambda: Double, mu: Double, servers c: Int) -> Double? {
        guard let p = waitProbability(lambda: lambda, mu: mu, servers: c) else { return nil }
        return p / (Double(c) * mu - lambda)
    }
}
