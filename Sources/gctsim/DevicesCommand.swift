import ArgumentParser
import Foundation
import GCTGPU

/// `gctsim devices`: the GPUs the kernel library finds, or the reason there are none.
struct DevicesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "devices", abstract: "List the GPUs found by the HIP kernel library (name, arch, memory), or why none.")

    @Flag(help: "Machine-readable output.") var json = false

    struct JSON: Encodable {
        var library: String?
        var devices: [DeviceInfo]
        var reason: String?
        var fallback: String
    }

    func run() throws {
        var library: KernelLibrary?
        var devices: [DeviceInfo] = []
        var reason: String?
        do {
            let l = try KernelLibrary.load()
            library = l
            devices = try l.devices()
        } catch {
            reason = error.description
        }
        if json {
            print(try KernelCommandIO.json(JSON(library: library?.path, devices: devices, reason: reason,
                                                fallback: devices.isEmpty ? "cpu" : "gpu")))
            return
        }
        print("kernel library: \(library?.path ?? "none")")
        if devices.isEmpty {
            print("devices: none (\(reason ?? "no device")); kernels run on the CPU path")
        }
        for d in devices {
            let gib = Double(d.totalMemoryBytes) / 1_073_741_824
            print("device \(d.index): \(d.name), arch \(d.arch), \(String(format: "%.1f", gib)) GiB, \(d.computeUnits) compute units")
        }
    }
}
