import GCTEconomics
import GCTEngine

extension StakingEmissions {
    /// A reward epoch: mining emission minted and paid to providers pro rata to GPU-seconds served;
    /// validator emission minted into the emission pool; staking rewards paid from the funding
    /// source in force (shortfall reported); the validators' share of execution fees paid to
    /// validators pro rata to stake × reputation; finished unbonding completed.
    mutating func rewardEpoch(
        at time: SimTime, parameters: EconomicParameters, providers: inout ProviderPool, validators: [ValidatorState],
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        let next = time + SimDuration(ticks: parameters.epochLength.microseconds)
        if next <= shared.endTime { _ = queue.schedule(.rewardEpoch, at: next) }
        let t = time.timestamp
        let total = ledger.supply.total
        let accounts = shared.accounts

        if var mining = miningEmission {
            mining.rate = parameters.miningRewardRate
            let due = mining.advance(to: t) { total }
            miningEmission = mining
            mintEmission(due, to: accounts.miningPool, memo: .miningEmission, ledger: &ledger)
            payMiningPool(&providers, pool: accounts.miningPool, ledger: &ledger)
        }
        if var emission = validatorEmission {
            emission.rate = parameters.validatorRewardRate
            let due = emission.advance(to: t) { total }
            validatorEmission = emission
            mintEmission(due, to: accounts.emissionPool, memo: .validatorEmission, ledger: &ledger)
        }
        let source: AccountID? = switch parameters.stakingFunding {
        case .emissionPool: accounts.emissionPool
        case .treasury: accounts.treasury
        case .mint, .unfunded: nil
        }
        let report = book.accrueRewards(through: t, funding: parameters.stakingFunding, source: source, ledger: &ledger)
        promised += report.promised
        paid += report.paid
        payValidatorFees(validators, pool: accounts.validatorPool, ledger: &ledger)
        for i in book.positions.indices where book.positions[i].status == .unbonding {
            if let until = book.positions[i].unbondingUntil, until <= t {
                try? book.completeUnstake(StakingPositionID(rawValue: Int32(i)), at: t, ledger: &ledger)
            }
        }
        stakedTime.record(Double(ledger.totalStaked.baseUnits), at: time)
    }

    mutating func mintEmission(_ due: TokenAmount, to pool: AccountID, memo: LedgerEntry.Memo, ledger: inout Ledger) {
        guard due.isPositive else { return }
        do {
            let r = try ledger.mintEmission(due, to: pool, memo: memo)
            emissionCapShortfall += r.capShortfall
        } catch { preconditionFailure("emission within the cap: \(error)") }
    }

    /// Pays the mining pool to providers pro rata to the GPU-seconds each served since the last
    /// payout (rounded down; the remainder stays in the pool for the next epoch).
    mutating func payMiningPool(_ providers: inout ProviderPool, pool account: AccountID, ledger: inout Ledger) {
        let pool = ledger.balance(of: account)
        let served = providers.gpuSeconds.reduce(0, +)
        guard pool.isPositive, served > 0 else { return }
        // Integer weights (µs of GPU time) so the split is exact.
        let weights = providers.gpuSeconds.map { Int64(($0 * 1e6).rounded()) }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return }
        for (i, w) in weights.enumerated() where w > 0 {
            let share = pool.scaled(by: w, over: totalWeight, rounding: .down)
            guard share.isPositive else { continue }
            do { try ledger.transfer(share, from: account, to: providers.accounts[i], memo: .miningEmission) } catch {
                preconditionFailure("pro-rata shares sum to at most the pool: \(error)")
            }
            miningPaid += share
        }
        for i in providers.gpuSeconds.indices { providers.gpuSeconds[i] = 0 }
    }

    /// Pays the validator reward pool (the validators' share of execution payments) to the
    /// validators pro rata to stake × reputation (rounded down; the remainder stays).
    mutating func payValidatorFees(_ validators: [ValidatorState], pool account: AccountID, ledger: inout Ledger) {
        let pool = ledger.balance(of: account)
        guard pool.isPositive, !validators.isEmpty else { return }
        let weights = validators.map { v -> UInt128 in
            UInt128(book.positions[Int(v.position.rawValue)].amount.baseUnits) * UInt128(v.reputation.ppb)
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        for (i, w) in weights.enumerated() where w > 0 {
            guard let q = ExactArithmetic.multiplyDivide(UInt128(pool.baseUnits), w, total, rounding: .down), q.quotient > 0 else { continue }
            let share = TokenAmount(baseUnits: Int64(q.quotient))
            do { try ledger.transfer(share, from: account, to: validators[i].account, memo: .fee) } catch {
                preconditionFailure("pro-rata shares sum to at most the pool: \(error)")
            }
            validatorFeesPaid += share
        }
    }

    /// A staker's periodic review (policy documented in docs/world-model.md): with probability
    /// `inertia` it does nothing; otherwise it compares the yield it would actually receive —
    /// the spec's APY for its stake times the share of promised rewards actually paid so far —
    /// with the outside yield, staking its whole balance (whole GCT, if above the minimum) when
    /// staking pays more and unstaking when it pays less.
    mutating func stakerReview(
        _ s: Int, at time: SimTime, parameters: EconomicParameters,
        queue: inout EventQueue<WorldEvent>, ledger: inout Ledger, shared: WorldShared
    ) {
        guard let cfg = stakerSettings else { return }
        let next = time + cfg.reviewPeriod.simStep
        if next <= shared.endTime { _ = queue.schedule(.stakerReview(staker: Int32(s)), at: next) }
        guard stakerStreams[s].uniform() >= cfg.inertia else { return }
        let funded = promised.isPositive ? Double(paid.baseUnits) / Double(promised.baseUnits) : 1
        let account = stakers[s].account
        if let p = stakers[s].position, book.positions[Int(p.rawValue)].status == .active {
            let stake = book.positions[Int(p.rawValue)].amount
            let effective = StakingYield.annualPercentageYield(stake: stake).doubleValue * funded
            if effective < cfg.outsideYield.doubleValue {
                try? book.requestUnstake(p, at: time.timestamp, cooldown: parameters.unstakeCooldown, ledger: &ledger)
            }
        } else if stakers[s].position == nil || book.positions[Int(stakers[s].position!.rawValue)].status == .withdrawn {
            let balance = ledger.balance(of: account)
            let whole = TokenAmount(baseUnits: balance.baseUnits - balance.baseUnits % TokenAmount.baseUnitsPerGCT)
            guard whole >= parameters.stakingMinimum else { return }
            let effective = StakingYield.annualPercentageYield(stake: whole).doubleValue * funded
            if effective > cfg.outsideYield.doubleValue {
                stakers[s].position = try? book.stake(
                    whole, owner: account, at: time.timestamp, minimum: parameters.stakingMinimum, ledger: &ledger)
            }
        }
        stakedTime.record(Double(ledger.totalStaked.baseUnits), at: time)
    }
}
