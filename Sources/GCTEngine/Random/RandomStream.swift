/// One independent stream of random numbers: Philox4x32-10 keyed by (seed, replication, stream).
///
/// Layout (documented because checkpoints and other implementations depend on it):
///
/// | Philox input | words                    | value                                         |
/// |--------------|--------------------------|-----------------------------------------------|
/// | key          | `k0, k1`                 | `seed` low 32 bits, `seed` high 32 bits       |
/// | counter      | `c0, c1`                 | block index low 32 bits, high 32 bits         |
/// | counter      | `c2`                     | `replication`                                 |
/// | counter      | `c3`                     | `stream.rawValue` (purpose << 24 \| index)    |
///
/// Block `b` of a stream is `Philox4x32-10(counter: (b.lo, b.hi, replication, stream), key: seed)`, so
/// distinct (replication, stream) pairs read disjoint counter ranges of the same keyed bijection and
/// never overlap (2^64 blocks each). A stream's draws depend only on its own key and how many draws
/// it has made: draws from other streams, the number of agents, or the order of events do not move it.
///
/// Consumption: each block yields four 32-bit words `w0...w3`. `nextUInt32()` takes the next word;
/// `next()` (64 bits) takes an aligned pair, `w0 | w1 << 32` or `w2 | w3 << 32`, skipping one word if an
/// odd number of words were taken before. `uniform()` takes one 64-bit draw (two with probability 2^-53).
///
/// `RandomStream` is a value type: copying it forks an identical stream, which is what a test wants
/// and what a model must avoid (keep one stream per (entity, purpose) in the model's state).
@frozen
public struct RandomStream: RandomNumberGenerator, Sendable {
    /// The Philox key: the seed's two halves.
    @usableFromInline
    internal let key: SIMD2<UInt32>
    /// The fixed counter words `c2, c3`: replication and stream.
    @usableFromInline
    internal let replicationWord: UInt32
    @usableFromInline
    internal let streamWord: UInt32
    /// The index of the next block to compute.
    @usableFromInline
    internal var nextBlock: UInt64
    /// The current block's output.
    @usableFromInline
    internal var buffer: SIMD4<UInt32>
    /// The next word of `buffer` to hand out; 4 when the buffer is used up.
    @usableFromInline
    internal var position: Int

    /// The stream `stream` of replication `replication` of a run seeded with `seed`, at its first draw.
    ///
    /// - Parameters:
    ///   - seed: the run's seed (the Philox key).
    ///   - replication: the replication number (counter word 2).
    ///   - stream: which stream (counter word 3).
    ///   - block: the block to start at (0 for a fresh stream; for restoring a checkpoint).
    @inlinable
    public init(seed: UInt64, replication: UInt32 = 0, stream: StreamID, startingAtBlock block: UInt64 = 0) {
        key = SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
        replicationWord = replication
        streamWord = stream.rawValue
        nextBlock = block
        buffer = .zero
        position = 4
    }

    /// The run's seed.
    public var seed: UInt64 { UInt64(key[0]) | UInt64(key[1]) << 32 }
    /// The replication number.
    public var replication: UInt32 { replicationWord }
    /// The stream id.
    public var stream: StreamID { StreamID(rawValue: streamWord) }
    /// The number of Philox blocks computed so far (each holds four 32-bit words).
    public var blocksUsed: UInt64 { nextBlock }

    @inlinable @inline(__always)
    internal mutating func refill() {
        let counter = SIMD4(
            UInt32(truncatingIfNeeded: nextBlock), UInt32(truncatingIfNeeded: nextBlock >> 32),
            replicationWord, streamWord)
        buffer = Philox4x32.block(counter: counter, key: key)
        nextBlock &+= 1
        position = 0
    }

    /// The next 32 random bits.
    @inlinable
    public mutating func nextUInt32() -> UInt32 {
        if position >= 4 { refill() }
        let word = buffer[position]
        position &+= 1
        return word
    }

    /// The next 64 random bits (an aligned pair of words; see the type's documentation).
    @inlinable
    public mutating func next() -> UInt64 {
        if position > 2 { refill() } else if position & 1 != 0 { position &+= 1 }
        let word = UInt64(buffer[position]) | UInt64(buffer[position &+ 1]) << 32
        position &+= 2
        return word
    }

    /// A uniform double in the open interval (0, 1), on the grid `k / 2^53`, k = 1 ... 2^53 - 1.
    ///
    /// Never exactly 0 or 1, so `log(u)` and `log(1 - u)` are finite. The top 53 bits of a 64-bit draw
    /// give k; k = 0 (probability 2^-53) is rejected and redrawn. The mean is exactly 1/2.
    @inlinable
    public mutating func uniform() -> Double {
        while true {
            if let u = Self.unitInterval(next()) { return u }
        }
    }

    /// `(bits >> 11) / 2^53`, or `nil` when that is 0. The extremes, 2^-53 and 1 - 2^-53, are exact.
    @inlinable @inline(__always)
    internal static func unitInterval(_ bits: UInt64) -> Double? {
        let k = bits >> 11
        return k == 0 ? nil : Double(k) * 0x1p-53
    }
}
