import Testing

@testable import BinderyYAML

/// One of the shim's own readers, which must build the document libyaml's parse builds, node for node (order,
/// positions, texts, styles), and leave everything else to libyaml, so that every error is libyaml's
/// (``JSONReaderTests``, ``YAMLReaderTests``).
enum ShimReader {
    /// `json_reader.c`.
    case json
    /// `yaml_reader.c`.
    case blockYAML

    /// Whether this reader read `document`.
    func read(_ document: YAMLDocument) -> Bool {
        switch self {
        case .json: document.readAsJSON
        case .blockYAML: document.readAsBlockYAML
        }
    }

    /// Parses `bytes` with this reader (when it takes it; the other reader never runs) and with libyaml, both in
    /// one piece.
    func parseBothWays(
        _ bytes: [UInt8], limits: YAMLDocument.Limits = .default
    ) -> (reader: Result<YAMLDocument, YAMLError>, libyaml: Result<YAMLDocument, YAMLError>) {
        func parse(byLibyaml: Bool) -> Result<YAMLDocument, YAMLError> {
            Result { () throws(YAMLError) in
                try YAMLDocument(
                    bytes: bytes, file: self == .json ? "spec.json" : "spec.yaml", limits: limits,
                    splitMinimumBytes: .max, jsonByLibyaml: self == .json ? byLibyaml : true,
                    yamlByLibyaml: self == .blockYAML ? byLibyaml : true)
            }
        }
        return (parse(byLibyaml: false), parse(byLibyaml: true))
    }

    /// Expects `bytes` (which need not be UTF-8) to read the same both ways: the same tree, or the same error; and
    /// this reader to take it when `read` is true, to leave it to libyaml when false. Returns whether it took it.
    @discardableResult
    func expectSame(
        _ bytes: [UInt8], read: Bool? = nil, limits: YAMLDocument.Limits = .default, _ context: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Bool {
        let (reader, libyaml) = parseBothWays(bytes, limits: limits)
        if case .success(let parsed) = libyaml { #expect(!self.read(parsed), sourceLocation: sourceLocation) }
        let document = SplitParseTests.expectSameParse(
            libyaml, reader, context, text: String(decoding: bytes, as: UTF8.self), sourceLocation: sourceLocation)
        let taken = document.map(self.read) ?? false
        if let read {
            #expect(taken == read, "\(context): read by the \(self) reader", sourceLocation: sourceLocation)
        }
        return taken
    }

    /// ``expectSame(_:read:limits:_:sourceLocation:)`` for text.
    @discardableResult
    func expectSame(
        _ text: String, read: Bool? = nil, limits: YAMLDocument.Limits = .default, _ context: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Bool {
        expectSame(Array(text.utf8), read: read, limits: limits, context, sourceLocation: sourceLocation)
    }

    /// Expects `text`, nested nine collections deep, to be read by this reader under some depth limits and left to
    /// libyaml, which reports the limit, under the others: the depth limit is the builder's.
    func expectTheDepthLimitIsLibyamlsError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var taken: Set<Bool> = []
        for depth in 5...14 {
            taken.insert(
                expectSame(
                    text, limits: YAMLDocument.Limits(maximumDepth: depth), "depth \(depth)",
                    sourceLocation: sourceLocation))
        }
        #expect(taken == [true, false], sourceLocation: sourceLocation)
    }
}
