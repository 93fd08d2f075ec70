import Testing
@testable import GCTSweep

@Suite("--shard auto: the shard of a Slurm job-array task")
struct SlurmArrayShardTests {
    static func env(id: Int, count: Int, min: Int, max: Int) -> [String: String] {
        ["SLURM_ARRAY_TASK_ID": "\(id)", "SLURM_ARRAY_TASK_COUNT": "\(count)", "SLURM_ARRAY_TASK_MIN": "\(min)", "SLURM_ARRAY_TASK_MAX": "\(max)"]
    }

    @Test("arrays numbered from 0 or 1 give shards 1…n; every run falls in exactly one shard")
    func contiguous() throws {
        for base in [0, 1, 7] {
            var seen: [Int] = []
            for id in base..<(base + 4) {
                let s = try SlurmArrayShard.shard("auto", environment: Self.env(id: id, count: 4, min: base, max: base + 3))
                #expect(s == (try SweepShard(index: id - base + 1, count: 4)))
                seen += s.runs(of: 10)
            }
            #expect(seen.sorted() == Array(0..<10))
        }
    }

    @Test("an array with gaps is refused with the way out; missing variables name themselves")
    func gapsAndMissing() {
        #expect { try SlurmArrayShard.shard("auto", environment: Self.env(id: 3, count: 3, min: 1, max: 5)) } throws: { e in
            "\(e)".contains("contiguous") && "\(e)".contains("auto:FIRST-LAST")
        }
        #expect { try SlurmArrayShard.shard("auto", environment: [:]) } throws: { e in
            "\(e)".contains("SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT, SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_MAX are not set")
        }
        var partial = Self.env(id: 1, count: 2, min: 1, max: 2)
        partial["SLURM_ARRAY_TASK_MIN"] = nil
        #expect { try SlurmArrayShard.shard("auto", environment: partial) } throws: { e in "\(e)".contains("SLURM_ARRAY_TASK_MIN is not set") }
        #expect(throws: SweepError.self) { try SlurmArrayShard.shard("auto", environment: ["SLURM_ARRAY_TASK_ID": "x"]) }
    }

    @Test("auto:FIRST-LAST keeps the shard of a task resubmitted alone (sbatch --array=3)")
    func explicitRange() throws {
        let alone = Self.env(id: 3, count: 1, min: 3, max: 3)
        #expect(try SlurmArrayShard.shard("auto", environment: alone) == (try SweepShard(index: 1, count: 1)))
        #expect(try SlurmArrayShard.shard("auto:1-4", environment: alone) == (try SweepShard(index: 3, count: 4)))
        #expect(try SlurmArrayShard.shard("auto:0-3", environment: alone) == (try SweepShard(index: 4, count: 4)))
        let gappy = Self.env(id: 5, count: 3, min: 1, max: 5)
        #expect(try SlurmArrayShard.shard("auto:1-6", environment: gappy) == (try SweepShard(index: 5, count: 6)))
        #expect(throws: SweepError.self) { try SlurmArrayShard.shard("auto:1-2", environment: alone) }
        #expect(throws: SweepError.self) { try SlurmArrayShard.shard("auto:4-1", environment: alone) }
        #expect(throws: SweepError.self) { try SlurmArrayShard.shard("auto:1", environment: alone) }
    }

    @Test("shard files: .shard-i-of-n before the extension of the file name")
    func shardPaths() throws {
        let s = try SweepShard(index: 3, count: 4)
        #expect(SlurmArrayShard.shardPath(output: "DIR/sweep.h5", shard: s) == "DIR/sweep.shard-3-of-4.h5")
        #expect(SlurmArrayShard.shardPath(output: "/a.b/c/run.v2.h5", shard: s) == "/a.b/c/run.v2.shard-3-of-4.h5")
        #expect(SlurmArrayShard.shardPath(output: "out.d/sweep", shard: s) == "out.d/sweep.shard-3-of-4")
        #expect(SlurmArrayShard.shardPath(output: "x/.h5", shard: s) == "x/.h5.shard-3-of-4")
        #expect(SlurmArrayShard.isAuto("auto") && SlurmArrayShard.isAuto("auto:1-4") && !SlurmArrayShard.isAuto("1/4"))
    }
}
