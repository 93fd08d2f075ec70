import GCTEconomics
import GCTEngine

/// What oracle attacks did in one replication: the coalition, the prices it moved, the alarms,
/// the investigations and the stake slashed. Kept apart from the run report (plain runs are
/// unchanged); `AttackEvaluation` reads it.
public struct OracleAttackFigures: Sendable {
    /// Per recorded round (only when `recordRounds`): time (s), consensus and true GPU-hour price.
    public var roundTimes: [Double] = []
    public var consensusPrices: [Double] = []
    public var truePrices: [Double] = []
    /// The coalition's share of the weight and its stake when it formed (last attack).
    public var coalitionShare = 0.0
    public var coalitionStake = 0.0
    public var coalitionSize = 0
    /// The time (s) of every alarm.
    public var alarmTimes: [Double] = []
    /// Alarms while an attack was in force.
    public var alarmsDuringAttack: Int64 = 0
    /// Investigations opened (one per alarm, with `oracle.investigate_alarms`).
    public var investigations: Int64 = 0
    /// Reports found guilty, from the coalition and from honest validators (false positives).
    public var convictedColluders: Int64 = 0
    public var convictedHonest: Int64 = 0
    /// Stake slashed (GCT), any offence, from coalition members and from honest validators.
    public var slashedColluders = 0.0
    public var slashedHonest = 0.0
    /// Stake slashed for proven manipulation (GCT).
    public var slashedProven = 0.0
    /// The share of the weight knocked offline (outage), when the attack formed.
    public var offlineShare = 0.0
    /// Rounds with fewer than 3 reports (no consensus).
    public var roundsShort: Int64 = 0
}

extension OracleNetwork {
    /// Fixes the coalition of `bias`'s attack at its first round: the first `validators`
    /// validators, the `members` (sybils), or the validators in index order until their share of
    /// the weight (stake × reputation) reaches `weightShare`; then, with `offlineShare`, the honest
    /// validators knocked offline, from the highest index down until their share reaches it.
    mutating func formCoalition(_ bias: OracleBias, staking: StakingBook) {
        guard bias.attack >= 0, bias.attack != coalitionAttack else { return }
        coalitionAttack = bias.attack
        coalition = Array(repeating: false, count: validators.count)
        offline = []
        var weights: [Double] = []
        var stakes: [Double] = []
        for v in validators {
            let position = staking.positions[Int(v.position.rawValue)]
            // Validators out of the set (slashed below the minimum, unbonding) carry no weight.
            let stake = position.status == .active ? position.amount : .zero
            stakes.append(stake.approximateGCT)
            weights.append(Double(OracleReport(validatorID: v.id, stake: stake, reputation: v.reputation, values: []).weight))
        }
        let total = weights.reduce(0, +)
        var taken = 0.0, stake = 0.0, size = 0
        for i in validators.indices {
            if let members = bias.members {
                guard members.contains(i) else { continue }
            } else if let share = bias.weightShare {
                guard total > 0, taken / total < share else { break }
            } else if i >= bias.validators {
                break
            }
            coalition[i] = true
            taken += weights[i]
            stake += stakes[i]
            size += 1
        }
        attackFigures.coalitionShare = total > 0 ? taken / total : 0
        attackFigures.coalitionStake = stake
        attackFigures.coalitionSize = size
        if let share = bias.offlineShare {
            offline = Array(repeating: false, count: validators.count)
            var down = 0.0
            for i in validators.indices.reversed() where !coalition[i] && weights[i] > 0 {
                guard total > 0, down / total < share * (1 - 1e-12) else { break }
                offline[i] = true
                down += weights[i]
            }
            attackFigures.offlineShare = total > 0 ? down / total : 0
        }
    }

    /// Whether validator `i` reports with `bias` this round.
    @inline(__always)
    func colludes(_ i: Int, _ bias: OracleBias) -> Bool {
        guard bias.formsCoalition else { return i < bias.validators }  // the first N: no state needed
        return bias.attack >= 0 && i < coalition.count && coalition[i]
    }

    /// Whether validator `i` is knocked offline this round (outage).
    @inline(__always)
    func isOffline(_ i: Int, _ bias: OracleBias) -> Bool {
        bias.offlineShare != nil && i < offline.count && offline[i]
    }

    /// Opens `a.validators` sybil validators of the attacker: accounts funded from the reserve
    /// with their stake (the staking minimum unless given), bonded at time 0, with the scenario's
    /// initial reputation and report noise, each its own stream. Returns their index range.
    mutating func addSybils(
        _ a: SybilAttack, _ c: ScenarioConfiguration, replication: Int, parameters: EconomicParameters,
        ledger: inout Ledger, staking: inout StakingBook, reserve: AccountID
    ) throws(WorldError) -> Range<Int> {
        guard let v = settings else { return validators.count..<validators.count }
        let first = validators.count
        let amount = Swift.max(a.stake ?? parameters.stakingMinimum, parameters.stakingMinimum)
        let base = streams.count
        for k in 0..<a.validators {
            let id = "sybil-\(first - (c.validators?.count ?? 0))-\(k)"
            let account = ledger.openAccount(.validator, name: id)
            try Genesis.fund(account, amount, "sybil stakes", ledger: &ledger, reserve: reserve)
            let position = try Genesis.stake(amount, account, "validator \(id)", parameters: parameters, ledger: &ledger, staking: &staking)
            validators.append(ValidatorState(
                id: id, account: account, position: position,
                reputation: Reputation(clampingPPB: Int64((v.reputation * 1e9).rounded())), region: 0))
            streams.append(RandomStream(
                seed: c.seed, replication: UInt32(replication), stream: StreamID(purpose: Purpose.sybilReports, index: base + k)))
        }
        return first..<validators.count
    }

    /// The congestion factor users pay, from the consensus fields (`oracle.congestion_from`):
    /// the multiplier of the capacity/demand ratio (`ratio`), the consensus GPU-hour price over
    /// the base price (`price`), or their geometric mean (`both`); clamped to the multiplier's range.
    func congestionFactor(ratio: FixedDecimal, price: FixedDecimal) -> Rate {
        let m = multiplier.multiplier(supplyDemandRatio: ratio)
        let source = oracleSettings.congestionFrom ?? .ratio
        guard source != .ratio else { return m }
        // price / 0.1 GCT, in ppb, rounded down: nanos × 1e9 / 1e8.
        let fromPrice = Int64(clamping: Int128(price.nanos) * 10)
        let ppb: Int64
        switch source {
        case .ratio: ppb = 0
        case .price: ppb = fromPrice
        case .both:
            let product = Double(fromPrice) * (m.doubleValue * 1e9)
            ppb = Int64(product.squareRoot().rounded(.down))
        }
        let low = multiplier.mode == .literal ? Rate(3, over: 5) : multiplier.floor
        let high = multiplier.mode == .literal ? Rate(29, over: 20) : multiplier.cap
        return Rate.min(Rate.max(Rate(ppb: ppb), low), high)
    }

    /// Records the round's consensus and true price, and its deviation.
    mutating func recordRound(at time: SimTime, consensus: Double, truth: Double) {
        guard recordRounds else { return }
        attackFigures.roundTimes.append(time.seconds)
        attackFigures.consensusPrices.append(consensus)
        attackFigures.truePrices.append(truth)
    }

    /// An alarm: counted; with `oracle.investigate_alarms`, the investigation (docs/attacks.md):
    /// every report on the alarm's side of the window mean whose own z-score exceeds the
    /// detector's threshold is found guilty and slashed for proven manipulation. An honest
    /// report is convicted only when its noise alone puts it beyond the threshold (the false-
    /// positive model: P ≈ Φ(−z) per honest report and alarm, higher when the true price moves).
    mutating func alarmRaised(
        at time: SimTime, verdict: ManipulationVerdict, reports: [OracleReport], reporters: [Int], bias: OracleBias,
        parameters: EconomicParameters, staking: inout StakingBook, ledger: inout Ledger, shared: WorldShared
    ) {
        attackFigures.alarmTimes.append(time.seconds)
        if bias.attack >= 0 { attackFigures.alarmsDuringAttack += 1 }
        guard oracleSettings.investigateAlarms == true, let detector,
              let mean = verdict.mean, let sd = verdict.standardDeviation, sd > 0 else { return }
        attackFigures.investigations += 1
        let consensusAbove = consensusPrice > mean
        for (k, r) in reports.enumerated() {
            let p = r.values[0].doubleValue
            let z = abs(p - mean) / sd
            guard z > detector.zThreshold, (p > mean) == consensusAbove else { continue }
            let i = reporters[k]
            if colludes(i, bias) { attackFigures.convictedColluders += 1 } else { attackFigures.convictedHonest += 1 }
            let before = attackFigures.slashedColluders + attackFigures.slashedHonest
            slash(i, for: .provenManipulation, at: time, parameters: parameters, staking: &staking, ledger: &ledger, shared: shared)
            attackFigures.slashedProven += attackFigures.slashedColluders + attackFigures.slashedHonest - before
        }
    }

    /// Counts a slash of validator `i` on the coalition's side or the honest side.
    mutating func recordSlash(_ i: Int, _ amount: TokenAmount) {
        if i < coalition.count && coalition[i] && coalitionAttack >= 0 {
            attackFigures.slashedColluders += amount.approximateGCT
        } else {
            attackFigures.slashedHonest += amount.approximateGCT
        }
    }
}

extension World {
    /// Each validator's stake (active positions; others 0) and reputation now, in validator index
    /// order: at time 0, the genesis the oracle Monte Carlo takes its validators from.
    public var oracleValidatorWeights: [(stake: TokenAmount, reputation: Reputation)] {
        oracle.validators.map { v in
            let position = staking.book.positions[Int(v.position.rawValue)]
            return (position.status == .active ? position.amount : .zero, v.reputation)
        }
    }

    /// The validators' noise and the outlier rule the oracle rounds use (`validators.noise`,
    /// `oracle.outlier_max_deviation`); `nil` without validators.
    public var oracleRoundSettings: (noise: Double, outlierRule: OutlierRule)? {
        guard let v = configuration.validators, let consensus = oracle.consensus else { return nil }
        return (v.noise, consensus.outlierRule)
    }
}
