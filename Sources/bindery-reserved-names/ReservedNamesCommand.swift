import Foundation

/// `bindery-reserved-names [--check] [--output FILE]`: writes `ToolchainTypeNamesFile.path` (under the package
/// this source file is in) from the toolchain `swiftc` on `PATH` belongs to; with `--check`, writes nothing and
/// exits 1 when the file differs from what it would write.
@main
struct ReservedNamesCommand {
    static let usage = "usage: bindery-reserved-names [--check] [--output FILE]\n"

    static func main() {
        do {
            exit(try run(Array(CommandLine.arguments.dropFirst())))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            exit(1)
        }
    }

    /// The package root: three levels up from this file (`Sources/bindery-reserved-names/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func run(_ arguments: [String]) throws -> Int32 {
        var check = false
        var output = packageRoot.appendingPathComponent(ToolchainTypeNamesFile.path)
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--check":
                check = true
            case "--output":
                guard let path = rest.popFirst() else { return fail(usage) }
                output = URL(fileURLWithPath: path)
            case "-h", "--help":
                FileHandle.standardOutput.write(Data(usage.utf8))
                return 0
            default:
                return fail(usage)
            }
        }
        #if !os(Linux)
            return fail("the committed names come from the Linux toolchain; run this on Linux\n")
        #else
            let extractor = try ToolchainTypeNamesExtractor()
            let names = try extractor.names()
            let source = ToolchainTypeNamesFile.source(
                names: names, compilerVersion: extractor.compilerVersion, target: extractor.target,
                modules: ToolchainTypeNamesExtractor.modules)
            let current = try? String(contentsOf: output, encoding: .utf8)
            if check {
                guard current == source else {
                    let committed = Set(committedNames(in: current ?? ""))
                    let added = Set(names).subtracting(committed).sorted()
                    let removed = committed.subtracting(names).sorted()
                    return fail(
                        "\(output.path) is not what \(extractor.compilerVersion) (\(extractor.target)) declares; "
                            + "run `swift run bindery-reserved-names`.\n  new: \(added.joined(separator: " "))\n"
                            + "  gone: \(removed.joined(separator: " "))\n")
                }
                print("\(output.path) is current: \(names.count) names.")
                return 0
            }
            if current != source { try Data(source.utf8).write(to: output, options: .atomic) }
            print("\(output.path): \(names.count) names from \(extractor.compilerVersion) (\(extractor.target)).")
            return 0
        #endif
    }

    /// The names in a file written by `ToolchainTypeNamesFile.source`: the lines of its `names` literal.
    static func committedNames(in source: String) -> [String] {
        let lines = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("public static let names") }) else { return [] }
        return lines[(start + 1)...].prefix { $0 != "]" }.map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: "\","))
        }
    }

    static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data(message.utf8))
        return 1
    }
}
