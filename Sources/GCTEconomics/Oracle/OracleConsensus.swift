/// PRD-010's `aggregate_with_consensus`, with the reputation penalties of `collect_resource_data`.
///
/// ```julia
/// if length(reports) < 3 error("Insufficient validator reports for consensus (need ≥3, got …)") end
/// weighted_reports = apply_reputation_weights(reports, consensus.reputation_weights)
/// consensus_* = calculate_consensus_*(weighted_reports)          # weighted median
/// outliers = detect_outlier_reports(reports, consensus_resources)
/// for outlier_report in outliers penalize_validator_reputation(…, 0.2) end
/// # and for an unavailable validator: penalize_validator_reputation(…, 0.1)
/// ```
///
/// Weights are `reputation × stake` (exact). Each field's consensus is the `WeightedMedian`
/// (row P6); outliers follow `OutlierRule` (row P7); the confidence score is defined in
/// `ConsensusResult.confidence` (row P8).
public struct OracleConsensus: Hashable, Sendable {
    public var minimumReports: Int
    public var outlierRule: OutlierRule
    /// 0.2.
    public var outlierPenalty: Rate
    /// 0.1.
    public var unavailablePenalty: Rate

    public init(minimumReports: Int = 3, outlierRule: OutlierRule = .default,
                outlierPenalty: Rate = Rate(1, over: 5), unavailablePenalty: Rate = Rate(1, over: 10)) {
        self.minimumReports = minimumReports
        self.outlierRule = outlierRule
        self.outlierPenalty = outlierPenalty
        self.unavailablePenalty = unavailablePenalty
    }

    /// Aggregates one round of reports.
    ///
    /// - Parameters:
    ///   - fields: the names of the reported fields; every report has one value per field.
    ///   - reports: the reports received.
    ///   - unavailable: validators asked that did not answer (penalized 0.1).
    /// - Returns: the consensus value of each field, the outlier validators, every validator's
    ///   reputation after the penalties, and the confidence score.
    /// - Throws: `OracleError.insufficientReports` for fewer than `minimumReports` reports,
    ///   `.fieldCountMismatch`, `.duplicateValidator`, `.zeroTotalWeight`.
    public func aggregateWithConsensus(
        fields: [String], reports: [OracleReport], unavailable: [UnavailableValidator] = []
    ) throws(OracleError) -> ConsensusResult {
        guard reports.count >= minimumReports else {
            throw .insufficientReports(needed: minimumReports, got: reports.count)
        }
        // Every buffer is sized once (a round allocates a fixed handful of arrays, none per field).
        var seen = Set<String>(minimumCapacity: reports.count + unavailable.count)
        for r in reports {
            guard seen.insert(r.validatorID).inserted else { throw .duplicateValidator(r.validatorID) }
        }
        for u in unavailable {
            guard seen.insert(u.validatorID).inserted else { throw .duplicateValidator(u.validatorID) }
        }
        for r in reports where r.values.count != fields.count {
            throw .fieldCountMismatch(validator: r.validatorID, expected: fields.count, got: r.values.count)
        }
        var consensus: [FixedDecimal] = []
        consensus.reserveCapacity(fields.count)
        var samples: [WeightedMedian.Sample] = []
        samples.reserveCapacity(reports.count)
        for (j, field) in fields.enumerated() {
            samples.removeAll(keepingCapacity: true)
            for r in reports where r.weight > 0 {
                samples.append(WeightedMedian.Sample(value: r.values[j], weight: r.weight, key: r.validatorID))
            }
            guard let m = WeightedMedian.of(positiveWeights: &samples) else { throw .zeroTotalWeight(field: field) }
            consensus.append(m)
        }
        var outliers: [String] = []
        var updates: [ReputationChange] = []
        updates.reserveCapacity(reports.count + unavailable.count)
        var totalWeight: UInt128 = 0
        var inlierWeight: UInt128 = 0
        for r in reports {
            let isOutlier = zip(r.values, consensus).contains { outlierRule.isOutlier($0, consensus: $1) }
            totalWeight += r.weight
            if isOutlier {
                outliers.append(r.validatorID)
            } else {
                inlierWeight += r.weight
            }
            let after = isOutlier ? r.reputation.penalized(by: outlierPenalty) : r.reputation
            updates.append(ReputationChange(validatorID: r.validatorID, before: r.reputation, after: after,
                                            reason: isOutlier ? .outlier : .none))
        }
        for u in unavailable {
            updates.append(ReputationChange(validatorID: u.validatorID, before: u.reputation,
                                            after: u.reputation.penalized(by: unavailablePenalty), reason: .unavailable))
        }
        // (inlier / total) × (answered / asked), as one division
        let confidence = (Double(inlierWeight) * Double(reports.count))
            / (Double(totalWeight) * Double(reports.count + unavailable.count))
        return ConsensusResult(
            fields: fields, values: consensus, outliers: outliers, reputations: updates,
            confidence: confidence, validatorCount: reports.count)
    }
}

/// One validator's reputation before and after a consensus round.
public struct ReputationChange: Hashable, Sendable {
    public enum Reason: String, Hashable, Sendable, Codable {
        case none, outlier, unavailable
    }
    public var validatorID: String
    public var before: Reputation
    public var after: Reputation
    public var reason: Reason
}

/// The result of `OracleConsensus.aggregateWithConsensus` (PRD-010's `ConsensusData`).
public struct ConsensusResult: Hashable, Sendable {
    public var fields: [String]
    /// The weighted median of each field, in `fields` order.
    public var values: [FixedDecimal]
    /// The outlier validators, in report order.
    public var outliers: [String]
    /// Every validator's reputation change: reports in order, then the unavailable ones.
    public var reputations: [ReputationChange]
    /// `calculate_consensus_confidence` (undefined in the spec; row P8): the share of the total
    /// weight held by non-outlier reports, times the share of asked validators that answered.
    /// 1 when everyone answered and agreed; in [0, 1].
    public var confidence: Double
    public var validatorCount: Int
}

/// Why oracle consensus cannot be reached.
public enum OracleError: Error, Hashable, Sendable, CustomStringConvertible {
    case insufficientReports(needed: Int, got: Int)
    case fieldCountMismatch(validator: String, expected: Int, got: Int)
    case duplicateValidator(String)
    case zeroTotalWeight(field: String)

    public var description: String {
        switch self {
        case let .insufficientReports(n, g): "Insufficient validator reports for consensus (need ≥\(n), got \(g))"
        case let .fieldCountMismatch(v, e, g): "validator '\(v)' reports \(g) values, expected \(e)"
        case let .duplicateValidator(v): "validator '\(v)' appears more than once"
        case let .zeroTotalWeight(f): "no weight behind field '\(f)': every reporting validator has zero stake or zero reputation"
        }
    }
}
