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
    }

    @Test func screamingSnakeCaseBecomesCamelCase() {
        #expect(SwiftName.lowerCamelCase("GUILD_TEXT") == "guildText")
        #expect(SwiftName.upperCamelCase("PUBLIC_THREAD") == "PublicThread")
        #expect(SwiftName.upperCamelCase("HTTP") == "HTTP")
        #expect(SwiftName.lowerCamelCase("user_ID") == "userID")
    }
}
