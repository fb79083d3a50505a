import Bindery
import BinderyCore
import Foundation
import TestExecutors
import Testing

/// Schemas nested as deep as the reader allows generate whichever thread asks, however small its stack: the pipeline
/// runs on threads of its own (`DeepStack`). Before, 256 levels of `items` needed about 6 MiB of stack in a debug
/// build and 255 levels of nested objects about 9 MiB, more than a main thread has: a task on macOS (512 KiB) or
/// `bindery` under a lower `ulimit -s` crashed.
@Suite(.computing) struct DeepNestingTests {
    /// A description whose schema `Deep` nests `depth` schemas: arrays of arrays of … of strings, or (`objects`)
    /// objects whose one property is the next object, each a nested type.
    static func description(depth: Int, objects: Bool = false) -> String {
        var schema = #"{"type": "string"}"#
        for level in 1..<depth {
            schema =
                objects
                ? #"{"type": "object", "properties": {"p\#(level)": \#(schema)}}"#
                : #"{"type": "array", "items": \#(schema)}"#
        }
        return #"""
            {"openapi": "3.0.3", "info": {"title": "Nest", "version": "1"}, "paths": {"/deep": {"get": {"responses":
            {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref":
            "#/components/schemas/Deep"}}}}}}}}, "components": {"schemas": {"Deep": \#(schema)}}}
            """#
    }

    /// Writes `text` as `deep.json` in a new folder, and returns its path.
    static func write(_ text: String) throws -> String {
        let directory = try Support.temporaryDirectory("deep")
        let path = directory + "/deep.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Runs `body` on a thread with a 512 KiB stack (a secondary thread's on macOS) and waits for it.
    static func onSmallStack<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 512 << 10
            thread.start()
        }
    }

    @Test func schemasNestedToTheLimitGenerateFromASmallStack() async throws {
        let arrays = try Self.write(Self.description(depth: 256))
        let objects = try Self.write(Self.description(depth: 60, objects: true))
        let tooDeep = try Self.write(Self.description(depth: 257))
        defer {
            for path in [arrays, objects, tooDeep] {
                try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
            }
        }

        let (models, error) = try await Self.onSmallStack { () throws -> ([String?], String?) in
            let models = try [arrays, objects].map { path in
                try Generator.render(specPath: path).files.first { $0.path == "Sources/Nest/Models/Deep.swift" }?
                    .contents
            }
            do throws(Diagnostic) {
                _ = try Generator.render(specPath: tooDeep)
                return (models, nil)
            } catch {
                return (models, error.description.replacingOccurrences(of: tooDeep, with: "deep.json"))
            }
        }

        let brackets = 255
        #expect(
            models[0]?.contains(
                "public typealias Deep = " + String(repeating: "[", count: brackets) + "String"
                    + String(repeating: "]", count: brackets)) == true)
        #expect(models[1]?.contains("public struct P2: Codable, Hashable, Sendable {") == true)
        #expect(error == "deep.json:3:6985: error: schemas are nested more than 256 levels deep here")
    }

    /// `bindery` with the stack of its main thread (and on Linux, of every thread it does not size itself) at
    /// 512 KiB: objects nested 100 levels deep, whose declarations are rendered within one another. Rendered on
    /// Dispatch's threads, they needed more than those 512 KiB.
    @Test func theCommandGeneratesDeeplyNestedTypesUnderASmallStackLimit() async throws {
        let spec = try Self.write(Self.description(depth: 100, objects: true))
        let directory = (spec as NSString).deletingLastPathComponent
        defer { try? FileManager.default.removeItem(atPath: directory) }

        let result = try await Support.run(
            "/bin/sh",
            ["-c", #"ulimit -s 512 && exec "$0" generate deep.json --output Out --quiet"#, Support.binderyExecutable],
            in: directory)

        #expect(result.status == 0, "\(result.stderr)")
        let model = Support.read(directory + "/Out/Sources/Nest/Models/Deep.swift")
        #expect(model?.contains("public struct P2: Codable, Hashable, Sendable {") == true)
    }
}
