/// The Philox4x32 counter-based random bijection (Salmon, Moraes, Dror, Shaw, "Parallel random
/// numbers: as easy as 1, 2, 3", SC 2011; Random123), with 10 rounds.
///
/// A block function: `block(counter:key:)` maps a 128-bit counter and a 64-bit key to 128 random
/// bits. It has no state, so any block of any stream can be computed directly, in any order.
/// Pinned by Random123's known-answer vectors (`Tests/GCTEngineTests/PhiloxTests.swift`).
public enum Philox4x32 {
    /// Round multipliers (Random123 `PHILOX_M4x32_0`, `PHILOX_M4x32_1`).
    public static let multiplier0: UInt32 = 0xD251_1F53
    public static let multiplier1: UInt32 = 0xCD9E_8D57
    /// Key schedule increments, the golden ratio and sqrt(3) - 1 (Random123 `PHILOX_W32_0`, `PHILOX_W32_1`).
    public static let weyl0: UInt32 = 0x9E37_79B9
    public static let weyl1: UInt32 = 0xBB67_AE85
    /// The recommended number of rounds (Crush-resistant with a safety margin).
    public static let defaultRounds = 10

    /// Philox4x32-10 of `counter` under `key`.
    ///
    /// - Parameters:
    ///   - counter: the four 32-bit counter words `ctr.v[0...3]`.
    ///   - key: the two 32-bit key words `key.v[0...1]`.
    /// - Returns: the four 32-bit output words.
    @inlinable
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        block(counter: counter, key: key, rounds: defaultRounds)
    }

    /// Philox4x32 with `rounds` rounds (Random123's `philox4x32_R`); exposed for the 7-round test vector.
    @inlinable
    internal static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>, rounds: Int) -> SIMD4<UInt32> {
        var x = counter
        var k = key
        for round in 0 ..< rounds {
            if round > 0 {
                k &+= SIMD2(weyl0, weyl1)
            }
            // philox4x32round: (hi1 ^ x1 ^ k0, lo1, hi0 ^ x3 ^ k1, lo0)
            let product0 = UInt64(multiplier0) &* UInt64(x[0])
            let product1 = UInt64(multiplier1) &* UInt64(x[2])
            x = SIMD4(
                UInt32(truncatingIfNeeded: product1 >> 32) ^ x[1] ^ k[0],
                UInt32(truncatingIfNeeded: product1),
                UInt32(truncatingIfNeeded: product0 >> 32) ^ x[3] ^ k[1],
                UInt32(truncatingIfNeeded: product0)
            )
        }
        return x
    }
}
