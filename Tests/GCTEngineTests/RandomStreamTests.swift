@testable import GCTEngine
import Testing

@Suite("RandomStream")
struct RandomStreamTests {
    let arrivals = StreamPurpose(rawValue: 1)
    let sizes = StreamPurpose(rawValue: 2)

    @Test("stream ids pack purpose and index")
    func streamIDLayout() {
        let id = StreamID(purpose: sizes, index: 0x00AB_CDEF)
        #expect(id.rawValue == 0x02AB_CDEF)
        #expect(id.purpose == sizes)
        #expect(id.index == 0xAB_CDEF)
        #expect(StreamID(purpose: arrivals) != StreamID(purpose: arrivals, index: 1))
        #expect(StreamID(purpose: arrivals, index: 5) != StreamID(purpose: sizes, index: 5))
    }

    @Test("draws are Philox blocks at counter (block lo, block hi, replication, stream) under key (seed lo, seed hi)")
    func layout() {
        let seed: UInt64 = 0x0123_4567_89AB_CDEF
        let stream = StreamID(purpose: sizes, index: 42)
        var random = RandomStream(seed: seed, replication: 7, stream: stream)
        let key = SIMD2<UInt32>(0x89AB_CDEF, 0x0123_4567)
        for block in UInt32(0) ..< 3 {
            let words = Philox4x32.block(counter: SIMD4(block, 0, 7, stream.rawValue), key: key)
            #expect(random.next() == UInt64(words[0]) | UInt64(words[1]) << 32)
            #expect(random.nextUInt32() == words[2])
            #expect(random.nextUInt32() == words[3])
        }
        #expect(random.blocksUsed == 3)
        // Restoring at block 2^32 + 1 reads counter words (1, 1, …).
        var restored = RandomStream(seed: seed, replication: 7, stream: stream, startingAtBlock: 1 << 32 | 1)
        let words = Philox4x32.block(counter: SIMD4(1, 1, 7, stream.rawValue), key: key)
        #expect(restored.nextUInt32() == words[0])
    }

    @Test("a 64-bit draw after an odd number of 32-bit draws takes the next aligned pair")
    func alignment() {
        var a = RandomStream(seed: 1, stream: StreamID(purpose: arrivals))
        var b = a
        _ = a.nextUInt32()            // word 0
        let pair = a.next()            // words 2, 3 (word 1 skipped)
        _ = b.next()
        #expect(pair == b.next())
        _ = a.nextUInt32()            // next block, word 0
        _ = b.nextUInt32()
        #expect(a.nextUInt32() == b.nextUInt32())
    }

    @Test("the same key reproduces; different seeds, replications or streams differ")
    func reproducibility() {
        func draws(_ seed: UInt64, _ replication: UInt32, _ stream: StreamID) -> [UInt64] {
            var random = RandomStream(seed: seed, replication: replication, stream: stream)
            return (0 ..< 100).map { _ in random.next() }
        }
        let base = draws(9, 0, StreamID(purpose: arrivals, index: 3))
        #expect(base == draws(9, 0, StreamID(purpose: arrivals, index: 3)))
        #expect(base != draws(10, 0, StreamID(purpose: arrivals, index: 3)))
        #expect(base != draws(9 | 1 << 32, 0, StreamID(purpose: arrivals, index: 3)))  // high key word matters
        #expect(base != draws(9, 1, StreamID(purpose: arrivals, index: 3)))
        #expect(base != draws(9, 0, StreamID(purpose: arrivals, index: 4)))
        #expect(base != draws(9, 0, StreamID(purpose: sizes, index: 3)))
        // No shared values at all between two streams' first 100 draws (a collision has probability ~ 10^-15).
        #expect(Set(base).isDisjoint(with: draws(9, 0, StreamID(purpose: sizes, index: 3))))
    }

    @Test("a stream's draws do not depend on draws from other streams or on how many streams exist")
    func independenceOfOrder() {
        // Alone: agent 5's 50 draws.
        var alone = RandomStream(seed: 3, stream: StreamID(purpose: arrivals, index: 5))
        let expected = (0 ..< 50).map { _ in alone.uniform() }
        // Interleaved with 1 000 other agents drawing varying amounts in between.
        var others = (0 ..< 1_000).map { RandomStream(seed: 3, stream: StreamID(purpose: arrivals, index: $0 == 5 ? 1_000 : $0)) }
        var mine = RandomStream(seed: 3, stream: StreamID(purpose: arrivals, index: 5))
        var got: [Double] = []
        for step in 0 ..< 50 {
            for other in others.indices where (other + step) % 3 == 0 { _ = others[other].next() }
            got.append(mine.uniform())
        }
        #expect(got == expected)
    }

    @Test("uniform() is in (0, 1) even at the extremes of the raw bits")
    func uniformRange() throws {
        // k / 2^53: k = 0 is rejected; k = 1 and k = 2^53 - 1 are the extremes.
        #expect(RandomStream.unitInterval(0) == nil)
        #expect(RandomStream.unitInterval(0x7FF) == nil)  // only the low 11 bits set: still k = 0
        #expect(RandomStream.unitInterval(1 << 11) == 0x1p-53)
        let top = try #require(RandomStream.unitInterval(.max))
        #expect(top == 1 - 0x1p-53)
        #expect(top < 1)
        var random = RandomStream(seed: 5, stream: StreamID(purpose: arrivals))
        var sum = 0.0
        var outside = 0
        for _ in 0 ..< 100_000 {
            let u = random.uniform()
            if !(u > 0 && u < 1) { outside += 1 }
            sum += u
        }
        #expect(outside == 0)
        // Mean 1/2, sd of the mean sqrt(1/12 / 10^5) ≈ 0.000 91; 5 SE ≈ 0.0046.
        #expect(abs(sum / 100_000 - 0.5) < 0.0046)
    }

    @Test("conforms to RandomNumberGenerator")
    func generatorConformance() {
        var random = RandomStream(seed: 11, stream: StreamID(purpose: arrivals))
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0 ..< 60_000 { counts[Int.random(in: 0 ..< 6, using: &random)] += 1 }
        // Each face 10 000 ± 5·sqrt(60 000 · 1/6 · 5/6) ≈ ± 456.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 456 }, "\(counts)")
    }
}
