import CGCTKernels
import Testing

/// The kernels' Philox4x32 against Random123's known-answer vectors (tests/kat_vectors of
/// DEShawResearch/random123; copied in /work/shared/reference/philox4x32-10-kat.txt).
@Suite("Philox4x32 in the shared kernel source")
struct PhiloxKnownAnswerTests {
    struct Vector: Sendable, CustomTestStringConvertible {
        var rounds: Int32
        var counter: [UInt32]
        var key: [UInt32]
        var expected: [UInt32]
        var testDescription: String { "R=\(rounds) ctr=\(counter.map { String($0, radix: 16) })" }
    }

    static let vectors: [Vector] = [
        Vector(rounds: 10, counter: [0, 0, 0, 0], key: [0, 0], expected: [0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8]),
        Vector(rounds: 10, counter: [0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff], key: [0xffff_ffff, 0xffff_ffff],
               expected: [0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd]),
        Vector(rounds: 10, counter: [0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], key: [0xa409_3822, 0x299f_31d0],
               expected: [0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1]),
        Vector(rounds: 7, counter: [0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344], key: [0xa409_3822, 0x299f_31d0],
               expected: [0x4dfc_caba, 0x190a_87f0, 0xc473_62ba, 0xb6b5_242a]),
    ]

    @Test(arguments: vectors)
    func knownAnswer(_ v: Vector) {
        var out = [UInt32](repeating: 0, count: 4)
        gct_cpu_philox4x32(v.counter, v.key, v.rounds, &out)
        #expect(out == v.expected)
    }

    /// The stream layout of GCTEngine's RandomStream: key = (seed lo, seed hi), block b at counter
    /// (b lo, b hi, replication, stream), 64-bit draws from aligned word pairs, uniform = (bits >> 11)·2⁻⁵³.
    @Test func streamLayoutFollowsTheEngine() {
        let seed: UInt64 = 0x0123_4567_89ab_cdef
        let replication: UInt32 = 7
        let stream: UInt32 = GCT_STREAM_ORACLE | 3
        var uniforms = [Double](repeating: 0, count: 6)
        gct_cpu_stream_uniforms(seed, replication, stream, &uniforms, 6)
        var expected: [Double] = []
        for block: UInt64 in 0 ..< 3 {
            var words = [UInt32](repeating: 0, count: 4)
            gct_cpu_philox4x32([UInt32(truncatingIfNeeded: block), UInt32(block >> 32), replication, stream],
                               [UInt32(truncatingIfNeeded: seed), UInt32(seed >> 32)], 10, &words)
            for pair in [(0, 1), (2, 3)] {
                let bits = UInt64(words[pair.0]) | UInt64(words[pair.1]) << 32
                expected.append(Double(bits >> 11) * 0x1p-53)  // k = 0 has probability 2⁻⁵³: not in these draws
            }
        }
        #expect(uniforms == expected)
    }
}
