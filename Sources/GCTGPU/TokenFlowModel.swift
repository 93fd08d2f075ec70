import CGCTKernels
import GCTEconomics

/// The token-flow model written with GCTEconomics' own rules, independently of the kernel: the
/// reference the CPU twin and the GPU kernel are checked against, to the base unit.
///
/// Money is `TokenAmount`; rates are `Rate`; the burn is `PaymentSplit`'s; the multiplier is
/// `MarketMultiplier` (fixed mode) of the exact supply/demand ratio; emissions are two
/// `EmissionSchedule`s advanced to the end of each day; minting respects the cap as
/// `Ledger.mintEmission` does (min(due, headroom)). Only the demand draw comes from the C helper
/// `gct_cpu_poisson`, so both sides see the same executions (GCTEngine's Poisson uses libm's `log`,
/// which is not the same function on every machine).
public struct TokenFlowModel: Sendable {
    public let parameters: TokenFlowParameters
    public let multiplier = MarketMultiplier(mode: .fixed)

    public init(_ parameters: TokenFlowParameters) { self.parameters = parameters }

    /// The days of replication `replication`, in order.
    public func run(replication: Int) -> [TokenFlowDay] {
        let p = parameters
        var minted = p.initialSupply
        var burned = TokenAmount.zero
        var staked = p.initialStaked
        var mining = EmissionSchedule(rate: p.miningRate, start: .zero, basis: p.initialSupply)
        var validator = EmissionSchedule(rate: p.validatorRate, start: .zero, basis: p.initialStaked)
        var days: [TokenFlowDay] = []
        days.reserveCapacity(p.days)
        for day in 0 ..< p.days {
            // Demand: Poisson draw of the day's own stream (C helper, see the type's comment).
            let stream = GCT_STREAM_DEMAND | UInt32(day & 0xFF_FFFF)
            let executions = gct_cpu_poisson(p.seed, UInt32(replication), stream, p.meanDailyExecutions)
            // Supply/demand ratio capacity / max(execs, 1) at 10⁻⁹, rounded down.
            let ratio = FixedDecimal(nanos: Int64(ExactArithmetic.divide(
                UInt128(p.capacity) * UInt128(FixedDecimal.scale), by: UInt128(max(executions, 1)), rounding: .down).quotient))
            let m = multiplier.multiplier(supplyDemandRatio: ratio)
            let fees = TokenAmount(baseUnits: executions * p.averageCost.baseUnits).multiplied(by: m, rounding: .up)
            let circulatingBefore = minted - burned - staked
            let burn = min(PaymentSplit(payment: fees, burnRate: p.burnRate, shares: .default).burned, circulatingBefore)
            burned += burn
            let flow = (minted - burned - staked).multiplied(by: p.dailyStakeRate, rounding: .down)
            staked += flow
            let end = Timestamp.zero + .days(Int64(day) + 1)
            let miningDue = mining.advance(to: end) { minted - burned }
            let miningMinted = max(min(miningDue, p.cap - minted), .zero)
            minted += miningMinted
            let validatorDue = validator.advance(to: end) { staked }
            let validatorMinted = max(min(validatorDue, p.cap - minted), .zero)
            minted += validatorMinted
            staked += validatorMinted
            days.append(TokenFlowDay(
                executions: executions, fees: fees, burned: burned, minted: minted, staked: staked,
                circulating: minted - burned - staked, emissionDue: miningDue + validatorDue, multiplier: m))
        }
        return days
    }
}
