import GCTEconomics
import GCTEngine

extension World {
    /// A reward epoch: mining emission minted and paid to providers pro rata to GPU-seconds served;
    /// validator emission minted into the emission pool; staking rewards paid from the configured
    /// funding source (shortfall reported); the validators' share of execution fees paid to
    /// validators pro rata to stake × reputation; finished unbonding completed.
    mutating func rewardEpoch(at time: SimTime) {
        let next = time + SimDuration(ticks: parameters.epochLength.microseconds)
        if next <= endTime { _ = queue.schedule(.rewardEpoch, at: next) }
        let t = time.timestamp
        let total = ledger.supply.total

        if var mining = economy.miningEmission {
            mining.rate = parameters.miningRewardRate
            let due = mining.advance(to: t) { total }
            economy.miningEmission = mining
            mintEmission(due, to: accounts.miningPool, memo: .miningEmission)
            payMiningPool()
        }
        if var validators = economy.validatorEmission {
            validators.rate = parameters.validatorRewardRate
            let due = validators.advance(to: t) { total }
            economy.validatorEmission = validators
            mintEmission(due, to: accounts.emissionPool, memo: .validatorEmission)
        }
        let source: AccountID? = switch parameters.stakingFunding {
        case .emissionPool: accounts.emissionPool
        case .treasury: accounts.treasury
        case .mint, .unfunded: nil
        }
        let report = economy.staking.accrueRewards(through: t, funding: parameters.stakingFunding, source: source, ledger: &ledger)
        economy.stakingPromised += report.promised
        economy.stakingPaid += report.paid
        payValidatorFees()
        for i in economy.staking.positions.indices where economy.staking.positions[i].status == .unbonding {
            if let until = economy.staking.positions[i].unbondingUntil, until <= t {
                try? economy.staking.completeUnstake(StakingPositionID(rawValue: Int32(i)), at: t, ledger: &ledger)
            }
        }
        economy.stakedTime.record(Double(ledger.totalStaked.baseUnits), at: time)
    }

    mutating func mintEmission(_ due: TokenAmount, to pool: AccountID, memo: LedgerEntry.Memo) {
        guard due.isPositive else { return }
        do {
            let r = try ledger.mintEmission(due, to: pool, memo: memo)
            economy.emissionCapShortfall += r.capShortfall
        } catch { preconditionFailure("emission within the cap: \(error)") }
    }

    /// Pays the mining pool to providers pro rata to the GPU-seconds each served since the last
    /// payout (rounded down; the remainder stays in the pool for the next epoch).
    mutating func payMiningPool() {
        let pool = ledger.balance(of: accounts.miningPool)
        let served = providerGPUSeconds.reduce(0, +)
        guard pool.isPositive, served > 0 else { return }
        // Integer weights (µs of GPU time) so the split is exact.
        let weights = providerGPUSeconds.map { Int64(($0 * 1e6).rounded()) }
        let totalWeight = weights.reduce(0, +)
        guard totalWeight > 0 else { return }
        for (i, w) in weights.enumerated() where w > 0 {
            let share = pool.scaled(by: w, over: totalWeight, rounding: .down)
            guard share.isPositive else { continue }
            do { try ledger.transfer(share, from: accounts.miningPool, to: providers[i], memo: .miningEmission) } catch {
                preconditionFailure("pro-rata shares sum to at most the pool: \(error)")
            }
            economy.miningPaid += share
        }
        for i in providerGPUSeconds.indices { providerGPUSeconds[i] = 0 }
    }

    /// Pays the validator reward pool (the validators' share of execution payments) to the
    /// validators pro rata to stake × reputation (rounded down; the remainder stays).
    mutating func payValidatorFees() {
        let pool = ledger.balance(of: accounts.validatorPool)
        guard pool.isPositive, !economy.validators.isEmpty else { return }
        let weights = economy.validators.map { v -> UInt128 in
            UInt128(economy.staking.positions[Int(v.position.rawValue)].amount.baseUnits) * UInt128(v.reputation.ppb)
        }
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        for (i, w) in weights.enumerated() where w > 0 {
            guard let q = ExactArithmetic.multiplyDivide(UInt128(pool.baseUnits), w, total, rounding: .down), q.quotient > 0 else { continue }
            let share = TokenAmount(baseUnits: Int64(q.quotient))
            do { try ledger.transfer(share, from: accounts.validatorPool, to: economy.validators[i].account, memo: .fee) } catch {
                preconditionFailure("pro-rata shares sum to at most the pool: \(error)")
            }
            economy.validatorFeesPaid += share
        }
    }

    /// A staker's periodic review (policy documented in docs/world-model.md): with probability
    /// `inertia` it does nothing; otherwise it compares the yield it would actually receive —
    /// the spec's APY for its stake times the share of promised rewards actually paid so far —
    /// with the outside yield, staking its whole balance (whole GCT, if above the minimum) when
    /// staking pays more and unstaking when it pays less.
    mutating func stakerReview(_ s: Int, at time: SimTime) {
        guard let cfg = configuration.stakers else { return }
        let next = time + cfg.reviewPeriod.simStep
        if next <= endTime { _ = queue.schedule(.stakerReview(staker: Int32(s)), at: next) }
        guard economy.stakerStreams[s].uniform() >= cfg.inertia else { return }
        let funded = economy.stakingPromised.isPositive
            ? Double(economy.stakingPaid.baseUnits) / Double(economy.stakingPromised.baseUnits) : 1
        let account = economy.stakers[s].account
        if let p = economy.stakers[s].position, economy.staking.positions[Int(p.rawValue)].status == .active {
            let stake = economy.staking.positions[Int(p.rawValue)].amount
            let effective = StakingYield.annualPercentageYield(stake: stake).doubleValue * funded
            if effective < cfg.outsideYield.doubleValue {
                try? economy.staking.requestUnstake(p, at: time.timestamp, cooldown: parameters.unstakeCooldown, ledger: &ledger)
            }
        } else if economy.stakers[s].position == nil || economy.staking.positions[Int(economy.stakers[s].position!.rawValue)].status == .withdrawn {
            let balance = ledger.balance(of: account)
            let whole = TokenAmount(baseUnits: balance.baseUnits - balance.baseUnits % TokenAmount.baseUnitsPerGCT)
            guard whole >= parameters.stakingMinimum else { return }
            let effective = StakingYield.annualPercentageYield(stake: whole).doubleValue * funded
            if effective > cfg.outsideYield.doubleValue {
                economy.stakers[s].position = try? economy.staking.stake(
                    whole, owner: account, at: time.timestamp, minimum: parameters.stakingMinimum, ledger: &ledger)
            }
        }
        economy.stakedTime.record(Double(ledger.totalStaked.baseUnits), at: time)
    }
}
