import BinderyCore
import TestExecutors
import Testing

@testable import BinderyOpenAPI

/// `MediaType.essence`: type and subtype in lower case, parameters and blanks dropped; ASCII names take a byte path
/// that must agree with the general one.
@Suite(.computing) struct MediaTypeTests {
    static func essence(_ name: String) -> String {
        (name.split(separator: ";", maxSplits: 1).first.map(String.init) ?? name).trimmingASCIIWhitespace().lowercased()
    }

    @Test(arguments: [
        "application/json", " Application/JSON; charset=utf-8", ";x;y", ";;", "\ttext/plain ;q=1", "TEXT/Event-Stream",
        ";", "",
        "  ", "image/png;", "a;b;c", "application/vnd.api+JSON ", "Ünïcode/Type", "x\u{37E}y", ";;A;b", "; ;x", ";\t;",
        " ;", "Text/Plain;;",
    ])
    func essenceIsTheTypeAndSubtypeInLowerCase(_ name: String) {
        let mediaType = MediaType(name: name, schema: nil, location: SourceLocation(file: "t.yaml", line: 1, column: 1))
        #expect(mediaType.essence == Self.essence(name))
    }
}
