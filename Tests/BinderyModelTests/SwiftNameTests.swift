import BinderyModel
import TestExecutors
import Testing

@Suite(.computing) struct SwiftNameTests {
    @Test(arguments: [
        ("Token_PostToken", "tokenPostToken", "TokenPostToken"),
        ("access_token", "accessToken", "AccessToken"),
        (".expires", "expires", "Expires"),
        ("canopysimulations:client_id:", "canopysimulationsClientId", "CanopysimulationsClientId"),
        ("two_factor_enabled", "twoFactorEnabled", "TwoFactorEnabled"),
        ("nullable-simple-user", "nullableSimpleUser", "NullableSimpleUser"),
        ("repos/get-content", "reposGetContent", "ReposGetContent"),
        ("HTTPServer", "httpServer", "HTTPServer"),
        ("userID", "userID", "UserID"),
        ("io.k8s.api.core.v1.Pod", "ioK8sApiCoreV1Pod", "IoK8sApiCoreV1Pod"),
        ("X-Request-ID", "xRequestID", "XRequestID"),
        ("2fa", "_2fa", "_2fa"),
        ("int32Value", "int32Value", "Int32Value"),
        ("waitingForStartTask", "waitingForStartTask", "WaitingForStartTask"),
        ("post_oauth2_token#refresh", "postOauth2TokenRefresh", "PostOauth2TokenRefresh"),
    ])
    func camelCases(input: String, lower: String, upper: String) {
        #expect(SwiftName.lowerCamelCase(input) == lower)
        #expect(SwiftName.upperCamelCase(input) == upper)
    }

    @Test func namesTextWithoutLettersOrDigits() {
        #expect(SwiftName.lowerCamelCase("") == "empty")
        #expect(SwiftName.lowerCamelCase("-") == "_2d")
        #expect(SwiftName.lowerCamelCase("+") != SwiftName.lowerCamelCase("-"))
    }

    @Test func escapesKeywords() {
        #expect(SwiftName.identifier("default") == "`default`")
        #expect(SwiftName.identifier("self") == "`self`")
        #expect(SwiftName.identifier("type") == "type")
        #expect(SwiftName.identifier("accessToken") == "accessToken")
    }

    /// Every reserved word, and only those, needs backticks (they are looked up by length and first byte).
    @Test func backticksAreForReservedWordsAlone() {
        let others = ["", "Default", "défaut", "precedencegroups", "é", "_a", String(repeating: "a", count: 300)]
        let names = SwiftKeywords.reserved.flatMap { [$0, $0 + "s", String($0.dropLast()), $0.uppercased()] }
        for name in names + others {
            #expect(SwiftKeywords.needsBackticks(name) == SwiftKeywords.reserved.contains(name), "\(name)")
        }
        #expect(SwiftKeywords.reserved.allSatisfy(SwiftKeywords.needsBackticks))
    }

    @Test func allocatesDistinctNames() {
        let scope = NameScope(reserved: ["JSONValue"], caseInsensitive: true)
        #expect(scope.claim("Pet") == "Pet")
        #expect(scope.claim("pet") == "pet2")
        #expect(scope.claim("Pet") == "Pet3")
        #expect(scope.claim("JSONValue") == "JSONValue2")
        let nested = NameScope(reserved: ["CodingKeys"], outer: scope)
        #expect(nested.claim("Pet") == "Pet4")
        #expect(nested.claim("CodingKeys") == "CodingKeys2")
        #expect(nested.claim("Status") == "Status")
        #expect(!scope.isTaken("Status"))
        // A wanted name is left to the claim that wants it; a failed claim takes nothing.
        scope.want("Order")
        #expect(scope.claim("order") == "order2")
        #expect(!scope.isTaken("Order"))
        #expect(scope.claimExactly("Order"))
        #expect(!scope.claimExactly("ORDER"))
        #expect(nested.claim("Order") == "Order3")
    }

    @Test func screamingSnakeCaseBecomesCamelCase() {
        #expect(SwiftName.lowerCamelCase("GUILD_TEXT") == "guildText")
        #expect(SwiftName.upperCamelCase("PUBLIC_THREAD") == "PublicThread")
        #expect(SwiftName.upperCamelCase("HTTP") == "HTTP")
        #expect(SwiftName.lowerCamelCase("user_ID") == "userID")
    }

    /// Camel case as defined from ``SwiftName/words(_:)``: the words of a text without lowercase letters lowered
    /// when there are several, each capitalized (or the first lowered), a leading digit guarded.
    static func camelCase(_ text: String, lowerFirst: Bool) -> String {
        var words = SwiftName.words(text).map(String.init)
        guard !words.isEmpty else { return SwiftName.lowerCamelCase(text) }
        if words.count > 1 && !text.contains(where: { $0.isASCII && $0.isLowercase }) {
            words = words.map { $0.lowercased() }
        }
        let name = words.enumerated().map { position, word in
            lowerFirst && position == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst()
        }.joined()
        return name.first?.isNumber == true ? "_" + name : name
    }

    @Test func camelCaseMatchesItsDefinitionOnRandomText() {
        let pieces = [
            "a", "b", "Z", "HTTP", "Server", "id", "ID", "2", "v1", "_", "-", " ", ".", "é", "ß", "👍", "user", "X",
        ]
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let text = (0..<(1 + next(8))).map { _ in pieces[next(pieces.count)] }.joined()
            guard !SwiftName.words(text).isEmpty else { continue }
            #expect(SwiftName.upperCamelCase(text) == Self.camelCase(text, lowerFirst: false), "\(text)")
            #expect(SwiftName.lowerCamelCase(text) == Self.camelCase(text, lowerFirst: true), "\(text)")
        }
    }
}
