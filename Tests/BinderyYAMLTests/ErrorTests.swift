import BinderyYAML
import TestExecutors
import Testing

@Suite(.computing) struct ErrorTests {
    @Test func duplicateKeyAtSecondOccurrence() throws {
        let error = try parseError("a: 1\nb:\n  c: 1\n  d: 2\n  c: 3\n")
        #expect(error.message == "duplicate key 'c'")
        #expect(position(error) == "5:3")
        #expect(error.description == "test.yaml:5:3: error: duplicate key 'c'")
    }

    @Test func duplicateKeysComparedByValueNotStyle() throws {
        let error = try parseError("{\"a\": 1, 'a': 2}")
        #expect(error.message == "duplicate key 'a'")
        #expect(position(error) == "1:10")
    }

    @Test func duplicateKeyThroughAliasIsReportedAtTheAlias() throws {
        let error = try parseError("&k a: 1\nb: 2\n*k : 3\n")
        #expect(error.message == "duplicate key 'a'")
        #expect(position(error) == "3:1")
    }

    @Test func sameKeyInDifferentMappingsIsFine() throws {
        let root = try parse("x: {a: 1}\ny: {a: 2}\n[a]: 1\n[a]: 2\n").root
        #expect(root.count == 4)
    }

    @Test func largeMappingDuplicateDetection() throws {
        var lines = (0..<3000).map { "key\($0): \($0)" }
        #expect(throws: Never.self) { try parse(lines.joined(separator: "\n")) }
        lines.insert("key1234: again", at: 2500)
        lines.insert("key2: again", at: 2800)
        let error = try parseError(lines.joined(separator: "\n"))
        // The earliest second occurrence in document order wins.
        #expect(error.message == "duplicate key 'key1234'")
        #expect(position(error) == "2501:1")
    }

    @Test func multipleDocumentsAreRejected() throws {
        let error = try parseError("a: 1\n---\nb: 2\n")
        #expect(error.message == "expected a single YAML document")
        #expect(position(error) == "2:1")
    }

    @Test func badIndentation() throws {
        let error = try parseError("a:\n    b: 1\n  c: 2\n")
        #expect(error.message.hasPrefix("did not find expected key while parsing a block mapping"))
        #expect(position(error) == "3:3")
    }

    @Test func mappingValueInPlainScalar() throws {
        let error = try parseError("key: value: other\n")
        #expect(error.message == "mapping values are not allowed in this context")
        #expect(position(error) == "1:11")
    }

    @Test func invalidUTF8() throws {
        let error = try #require(throws: YAMLError.self) {
            try YAMLDocument(bytes: Array("a: 1\nb: x".utf8) + [0xFF, 0x0A], file: "bad.yaml")
        }
        #expect(error.message.contains("invalid leading UTF-8 octet"))
        #expect(error.location == SourceLocation(file: "bad.yaml", line: 2, column: 5))
    }

    @Test func unreadableFile() throws {
        let path = "/nonexistent-bindery-dir/api.yaml"
        let error = try #require(throws: YAMLError.self) { try YAMLDocument(contentsOf: path) }
        #expect(error.description == "\(path):1:1: error: cannot read file: No such file or directory")
        let shown = try #require(throws: YAMLError.self) {
            try YAMLDocument(contentsOf: path, displayPath: "api.yaml")
        }
        #expect(shown.location == SourceLocation(file: "api.yaml", line: 1, column: 1))
    }

    @Test func directoryIsUnreadable() throws {
        let error = try #require(throws: YAMLError.self) { try YAMLDocument(contentsOf: "/") }
        #expect(error.message == "cannot read file: Is a directory")
    }
}
