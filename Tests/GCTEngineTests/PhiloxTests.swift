@testable import GCTEngine
import Foundation
import Testing
import _GCTTestSupport

/// One line of Random123's known-answer file.
struct PhiloxVector: Sendable, CustomTestStringConvertible {
    let rounds: Int
    let counter: SIMD4<UInt32>
    let key: SIMD2<UInt32>
    let expected: SIMD4<UInt32>
    var testDescription: String { "philox4x32-\(rounds) ctr \(counter) key \(key)" }

    /// Parses `Tests/Fixtures/philox4x32-10-kat.txt` (a copy of shared/reference's file):
    /// `philox4x32 R ctr0 ctr1 ctr2 ctr3 key0 key1 out0 out1 out2 out3`, hex words, `#` comments.
    static func load() throws -> [PhiloxVector] {
        let url = GCTTestSupport.packageRoot.appendingPathComponent("Tests/Fixtures/philox4x32-10-kat.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line -> PhiloxVector? in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard let name = fields.first, name == "philox4x32" else { return nil }
            guard fields.count == 12, let rounds = Int(fields[1]) else { throw KATError.malformed(String(line)) }
            let words = try fields[2...].map { field -> UInt32 in
                guard let word = UInt32(field, radix: 16) else { throw KATError.malformed(String(line)) }
                return word
            }
            return PhiloxVector(
                rounds: rounds,
                counter: SIMD4(words[0], words[1], words[2], words[3]),
                key: SIMD2(words[4], words[5]),
                expected: SIMD4(words[6], words[7], words[8], words[9]))
        }
    }

    enum KATError: Error { case malformed(String) }
}

@Suite("Philox4x32")
struct PhiloxTests {
    @Test("the known-answer file holds the 10-round and 7-round vectors")
    func fileParses() throws {
        let vectors = try PhiloxVector.load()
        #expect(vectors.count == 4)
        #expect(vectors.filter { $0.rounds == 10 }.count == 3)
        #expect(vectors.filter { $0.rounds == 7 }.count == 1)
    }

    @Test("Random123 known answers", arguments: try PhiloxVector.load())
    func knownAnswer(vector: PhiloxVector) {
        #expect(Philox4x32.block(counter: vector.counter, key: vector.key, rounds: vector.rounds) == vector.expected)
        if vector.rounds == 10 {
            #expect(Philox4x32.block(counter: vector.counter, key: vector.key) == vector.expected)
        }
    }

    @Test("one counter bit flips about half the output bits")
    func avalanche() {
        var flipped = 0
        let key = SIMD2<UInt32>(0x1234_5678, 0x9ABC_DEF0)
        for bit in 0 ..< 128 {
            var counter = SIMD4<UInt32>(0, 0, 0, 0)
            counter[bit / 32] = 1 << UInt32(bit % 32)
            let a = Philox4x32.block(counter: .zero, key: key)
            let b = Philox4x32.block(counter: counter, key: key)
            for lane in 0 ..< 4 { flipped += (a[lane] ^ b[lane]).nonzeroBitCount }
        }
        // 128 flips × 128 output bits, half expected: 8 192 ± 5·sqrt(16 384 / 4) = 8 192 ± 320.
        #expect(abs(flipped - 8_192) < 320)
    }
}
