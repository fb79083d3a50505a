import BinderyCore
import Foundation
import TestExecutors
import Testing

/// `percentDecoded` (what `$ref` paths and fragments are read with, without Foundation) answers as Foundation's
/// `removingPercentEncoding` does.
@Suite(.computing) struct PercentDecodingTests {
    @Test(arguments: [
        "plain", "", "a%20b", "%2Fpaths%2F~1pets", "%E2%82%AC", "caf%C3%A9", "%e2%82%ac", "100%", "%4", "%zz", "%G0",
        "%FF", "%C3", "a%00b", "é%41", "%%41",
    ])
    func decodesAsFoundationDoes(_ text: String) {
        #expect(text.percentDecoded == text.removingPercentEncoding, "\(text)")
    }

    @Test func decodesSubstrings() {
        let reference = "models.yaml#/components/schemas/Caf%C3%A9"
        let fragment = reference[reference.index(after: reference.firstIndex(of: "#")!)...]
        #expect(fragment.percentDecoded == "/components/schemas/Café")
    }
}
