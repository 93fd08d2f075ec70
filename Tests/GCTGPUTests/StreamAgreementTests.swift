import CGCTKernels
import GCTEngine
import Testing
import _GCTTestSupport

/// The kernels' C++ random streams are GCTEngine's `RandomStream`, bit for bit.
@Suite("Kernel streams agree with GCTEngine.RandomStream")
struct StreamAgreementTests {
    @Test("uniforms of 200 random (seed, replication, stream) keys agree bit for bit")
    func uniformsAgree() {
        var g = SeededGenerator(seed: 42)
        for _ in 0..<200 {
            let seed = g.next(), replication = UInt32.random(in: 0...1000, using: &g)
            let id = StreamID(rawValue: UInt32.random(in: 0...UInt32.max, using: &g))
            var swift = RandomStream(seed: seed, replication: replication, stream: id)
            var c = [Double](repeating: 0, count: 64)
            c.withUnsafeMutableBufferPointer { gct_cpu_stream_uniforms(seed, replication, id.rawValue, $0.baseAddress, 64) }
            for i in 0..<64 {
                let s = swift.uniform()
                #expect(s.bitPattern == c[i].bitPattern, "seed \(seed) rep \(replication) \(id) draw \(i): \(s) vs \(c[i])")
            }
        }
    }
}
