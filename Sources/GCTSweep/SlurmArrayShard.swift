import Foundation

/// `--shard auto` and `--shard auto:FIRST-LAST`: the shard of a Slurm job-array task, from the
/// variables Slurm sets in every task (`SLURM_ARRAY_TASK_ID`, `_COUNT`, `_MIN`, `_MAX`), so that one
/// batch script serves every task (docs/slurm.md).
///
/// - `auto`: the array is the whole sweep. Its IDs must be contiguous (`--array=0-3` or `1-4`; MAX − MIN
///   + 1 = COUNT); task ID is shard ID − MIN + 1 of COUNT. An array with gaps (`--array=1,3,5`) is
///   refused: its tasks cannot tell which shard numbers are missing.
/// - `auto:FIRST-LAST`: the whole sweep is the array FIRST…LAST (shard ID − FIRST + 1 of LAST − FIRST + 1)
///   whatever this array holds, so a resubmission of some tasks only (`sbatch --array=2,5`) runs the same
///   shards as the first submission. The task's ID must lie in FIRST…LAST.
public enum SlurmArrayShard {
    public static let variables = ["SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_MAX"]

    /// Whether `text` asks for the shard from the Slurm array (`auto` or `auto:FIRST-LAST`).
    public static func isAuto(_ text: String) -> Bool { text == "auto" || text.hasPrefix("auto:") }

    /// The shard of this task, from `text` (`auto` or `auto:FIRST-LAST`) and the environment.
    public static func shard(_ text: String, environment: [String: String]) throws(SweepError) -> SweepShard {
        func number(_ name: String) throws(SweepError) -> Int {
            guard let raw = environment[name] else {
                let missing = variables.filter { environment[$0] == nil }
                throw SweepError("--shard \(text) needs the Slurm job-array variables, but \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") not set: run it in a task of `sbatch --array=…` (deploy/slurm/sweep.sbatch), or give --shard i/n")
            }
            guard let v = Int(raw.trimmingCharacters(in: .whitespaces)), v >= 0 else {
                throw SweepError("--shard \(text): \(name)='\(raw)' is not a task number")
            }
            return v
        }
        let id = try number("SLURM_ARRAY_TASK_ID")
        if text == "auto" {
            let count = try number("SLURM_ARRAY_TASK_COUNT")
            let min = try number("SLURM_ARRAY_TASK_MIN")
            let max = try number("SLURM_ARRAY_TASK_MAX")
            guard max >= min, max - min + 1 == count else {
                throw SweepError("--shard auto needs an array of contiguous task IDs (--array=\(min)-\(min + count - 1)), but this one has \(count) tasks in \(min)…\(max) (gaps, as in --array=1,3,5); number the tasks contiguously, or give the whole array's range: --shard auto:FIRST-LAST")
            }
            guard (min...max).contains(id) else {
                throw SweepError("--shard auto: SLURM_ARRAY_TASK_ID=\(id) lies outside SLURM_ARRAY_TASK_MIN…MAX = \(min)…\(max)")
            }
            return try SweepShard(index: id - min + 1, count: count)
        }
        guard text.hasPrefix("auto:") else { throw SweepError("--shard needs i/n, auto or auto:FIRST-LAST, got '\(text)'") }
        let range = text.dropFirst("auto:".count).split(separator: "-", omittingEmptySubsequences: false)
        guard range.count == 2, let first = Int(range[0]), let last = Int(range[1]), first >= 0, last >= first else {
            throw SweepError("--shard auto:FIRST-LAST needs the whole array's task range such as auto:1-4 or auto:0-3, got '\(text)'")
        }
        guard (first...last).contains(id) else {
            throw SweepError("--shard \(text): SLURM_ARRAY_TASK_ID=\(id) lies outside the sweep's task range \(first)…\(last)")
        }
        return try SweepShard(index: id - first + 1, count: last - first + 1)
    }

    /// The file of shard `shard` of a sweep whose merged file is `output`: `.shard-i-of-n` inserted
    /// before the extension of the last path component (`DIR/sweep.h5` → `DIR/sweep.shard-3-of-4.h5`),
    /// or appended when it has none. deploy/slurm/merge.sbatch derives the same names.
    public static func shardPath(output: String, shard: SweepShard) -> String {
        let tag = ".shard-\(shard.index)-of-\(shard.count)"
        let slash = output.lastIndex(of: "/").map { output.index(after: $0) } ?? output.startIndex
        let name = output[slash...]
        if let dot = name.lastIndex(of: "."), dot != name.startIndex {
            return String(output[..<dot]) + tag + String(output[dot...])
        }
        return output + tag
    }
}
