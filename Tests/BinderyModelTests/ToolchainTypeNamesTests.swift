import BinderyModel
import Foundation
import TestExecutors
import Testing

@testable import bindery_reserved_names

/// Generated types never take the name of a public type of the standard library, Foundation or
/// FoundationNetworking; the names come from the toolchain (`ToolchainTypeNames`, written by
/// `bindery-reserved-names`), and the committed file must be what the toolchain declares.
@Suite(.computing) struct ToolchainTypeNamesTests {
    @Test func namesUsersMeetWithFoundationAreReserved() {
        let names = [
            "Thread", "URL", "Data", "Operation", "Notification", "Result", "Task", "Measurement", "Decimal",
            "URLSession", "URLRequest", "HTTPCookie", "Expression", "Predicate", "Duration", "Never",
            "DispatchQueue", "Regex", "AttributedString", "Sendable", "AnyObject", "Codable",
        ]
        #expect(names.filter { !ToolchainTypeNames.names.contains($0) } == [])
        #expect(names.filter { !SwiftKeywords.shadowedTypeNames.contains($0) } == [])
        // Keywords and module names are in no interface.
        for name in ["Any", "Self", "Type", "Protocol", "Swift", "Foundation", "FoundationNetworking"] {
            #expect(!ToolchainTypeNames.names.contains(name))
            #expect(SwiftKeywords.shadowedTypeNames.contains(name))
        }
        // Public, top-level, not underscored; no members, no functions, no freestanding macros.
        #expect(ToolchainTypeNames.names.allSatisfy { !$0.hasPrefix("_") && !$0.contains(".") && !$0.contains("(") })
        for name in ["Element", "Iterator", "print", "file", "NSNotFound", "Name"] {
            #expect(!ToolchainTypeNames.names.contains(name))
        }
    }

    @Test func schemasNamedLikeToolchainTypesGetTheModelSuffix() throws {
        let (model, _) = try translate(
            """
            openapi: 3.0.1
            info: {title: T, version: '1'}
            components:
              schemas:
                thread: {type: object, properties: {id: {type: integer}}}
                Operation: {type: object}
                url: {type: string}
                DispatchQueue: {type: string}
                Repository: {type: object}
            """
        )
        // `Url` is not `URL`, but top-level names are reserved in any case (they are file names).
        #expect(
            model.types.map(\.name) == [
                "ThreadModel", "OperationModel", "UrlModel", "DispatchQueueModel", "Repository",
            ])
    }

    #if os(Linux)
        /// Recomputes the names with this toolchain (about ten seconds) and compares them, and the whole file, with
        /// what is committed. A toolchain older than the one that wrote the file, or for another target, only
        /// has the checks above: the file records the newest toolchain CI runs.
        @Test func committedNamesAreWhatTheToolchainDeclares() async throws {
            // The extraction runs processes for seconds: on a thread of its own, not one of the cooperative pool's.
            let (extractor, names): (ToolchainTypeNamesExtractor, [String]?) = try await withCheckedThrowingContinuation
            {
                continuation in
                Thread {
                    continuation.resume(
                        with: Result {
                            let extractor = try ToolchainTypeNamesExtractor()
                            let current = Self.version(extractor.compilerVersion)
                            let committed = Self.version(ToolchainTypeNames.compilerVersion)
                            guard extractor.target == ToolchainTypeNames.target,
                                !current.lexicographicallyPrecedes(committed)
                            else { return (extractor, nil) }
                            return (extractor, try extractor.names())
                        })
                }.start()
            }
            guard let names else { return }
            let new = Set(names).subtracting(ToolchainTypeNames.names).sorted()
            let gone = ToolchainTypeNames.names.subtracting(names).sorted()
            #expect(
                new.isEmpty && gone.isEmpty,
                "\(extractor.compilerVersion) declares \(new) and not \(gone); run `swift run bindery-reserved-names`")
            let path = ReservedNamesCommand.packageRoot.appendingPathComponent(ToolchainTypeNamesFile.path)
            let file = try String(contentsOf: path, encoding: .utf8)
            #expect(
                file
                    == ToolchainTypeNamesFile.source(
                        names: names, compilerVersion: extractor.compilerVersion, target: extractor.target,
                        modules: ToolchainTypeNamesExtractor.modules),
                "\(ToolchainTypeNamesFile.path) is not what `swift run bindery-reserved-names` writes")
            #expect(ReservedNamesCommand.committedNames(in: file) == names)
        }
    #endif

    /// `[6, 3, 1]` for `Swift version 6.3.1 (swift-6.3.1-RELEASE)`, `[6, 4]` for `Swift version 6.4-dev (…)`.
    static func version(_ compilerVersion: String) -> [Int] {
        let number = compilerVersion.split(separator: " ").drop { $0 != "version" }.dropFirst().first ?? ""
        return number.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
    }

    @Test func versions() {
        #expect(Self.version("Swift version 6.3.1 (swift-6.3.1-RELEASE)") == [6, 3, 1])
        #expect(Self.version("Swift version 6.4-dev (LLVM abc, Swift def)") == [6, 4])
        #expect(Self.version("Apple Swift version 6.2 (swiftlang-6.2.0.1.2 clang-1700.3.1.2)") == [6, 2])
    }
}
