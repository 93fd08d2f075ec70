/// One waiting execution in the `ExecutionQueue` (PRD-010's `QueueEntry`).
///
/// A plain value: the queue is an array of these, with no per-entry allocation.
/// The spec's `args` stay with the caller, keyed by `requestID`.
@frozen
public struct QueueEntry: Hashable, Sendable {
    /// The caller's identifier of the request (its `args`, its payer …).
    public var requestID: UInt64
    /// The function to run.
    public var functionID: LambdaFunctionID
    /// `tokens_paid`: the execution cost held for this request.
    public var tokensPaid: TokenAmount
    /// When it was queued.
    public var enqueuedAt: Timestamp
    /// Its priority (higher runs first).
    public var priority: Double
    /// Insertion sequence number, assigned by the queue: breaks priority ties, first come first served.
    public var sequence: UInt64

    public init(
        requestID: UInt64, functionID: LambdaFunctionID, tokensPaid: TokenAmount, enqueuedAt: Timestamp,
        priority: Double, sequence: UInt64 = 0
    ) {
        self.requestID = requestID
        self.functionID = functionID
        self.tokensPaid = tokensPaid
        self.enqueuedAt = enqueuedAt
        self.priority = priority
        self.sequence = sequence
    }

    /// Whether `self` is served before `other`: higher priority first, then lower sequence.
    @inlinable
    public func runsBefore(_ other: QueueEntry) -> Bool {
        priority != other.priority ? priority > other.priority : sequence < other.sequence
    }
}

/// Where a queued request stands (PRD-010's `QueuePosition`).
public struct QueuePosition: Hashable, Sendable {
    /// 1-based rank: 1 is served next.
    public var position: Int
    /// `⌈position / capacity⌉ × meanServiceTime` (departures row P3).
    public var estimatedWait: TimeSpan
    /// Whether paying more could move the request forward: true when some entry is ahead
    /// (every priority curve is strictly increasing in the payment).
    public var canBoostPriority: Bool

    public init(position: Int, estimatedWait: TimeSpan, canBoostPriority: Bool) {
        self.position = position
        self.estimatedWait = estimatedWait
        self.canBoostPriority = canBoostPriority
    }
}
