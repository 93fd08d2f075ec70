import ArgumentParser
import Foundation
import GCTTrajectory
import GCTGPU
import Yams

/// `gctsim calibrate`: times the benchmark kernels per op type and writes a calibration profile.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Time matmul, memory, allocation, transfer and compile kernels; write seconds per unit of work per op.")

    @Option(help: "Write the profile to this YAML file (default: print it).") var output: String?
    @Option(help: "Repetitions per operation (the fastest is kept).") var repetitions = 3
    @OptionGroup var deviceOptions: DeviceOptions
    @Flag(help: "Overwrite an existing --output file.") var force = false

    func validate() throws {
        try CommandLineErrors.check(repetitions, "repetitions", in: 1...1_000)
    }

    func run() throws {
        if let output { OutputFile.check(output, force: force, option: "--output") }
        let backend = try deviceOptions.backend()
        if !backend.isGPU {
            FileHandle.standardError.write(Data("calibrate: timing the host versions of the kernels (CPU path)\n".utf8))
        }
        try KernelCommandIO.run {
            let profile = try CalibrationProfile.measure(on: backend, repetitions: repetitions)
            let yaml = "# gctsim calibrate: seconds per unit of work per operation\n" + (try YAMLEncoder().encode(profile))
            if let output {
                do { try OutputFile.write(yaml, to: output, force: force, option: "--output") } catch {
                    CommandSupport.fail("\(error)")
                }
                FileHandle.standardError.write(Data("calibrate: wrote \(output)\n".utf8))
            } else {
                print(yaml, terminator: "")
            }
        }
    }
}
