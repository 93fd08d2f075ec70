import ArgumentParser
import Foundation
import GCTGPU

extension DeviceChoice: ExpressibleByArgument {}

/// `--device cpu|gpu|auto`, shared by the commands that run kernels.
struct DeviceOptions: ParsableArguments {
    @Option(help: "Where kernels run: cpu, gpu, or auto (the GPU when one is found, else the CPU with a notice).")
    var device: DeviceChoice = .auto

    /// The backend; prints the fallback notice on stderr; exits 1 with one line when `gpu` cannot be used.
    func backend() throws -> ComputeBackend {
        do {
            let (backend, notice) = try ComputeBackend.select(device)
            if let notice { FileHandle.standardError.write(Data((notice + "\n").utf8)) }
            return backend
        } catch {
            FileHandle.standardError.write(Data("error: --device gpu: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

enum KernelCommandIO {
    /// Runs `body`, turning a `KernelError` into one `error:` line on stderr and exit status 1.
    static func run(_ body: () throws -> Void) throws {
        do { try body() } catch let error as KernelError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
