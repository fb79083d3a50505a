import Canopy
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// The generated Canopy client (the committed golden sources, compiled as the `Canopy` module) against a real HTTP
/// server on 127.0.0.1. Nothing is mocked: requests go through URLSession and the loopback network.
///
/// `TokenApi.tokenPostToken` is deprecated in the API description; the tests that call it are marked deprecated
/// too, which is how Swift lets deprecated code call deprecated API without a warning.
@Suite(.loopback) struct TokenApiTests {
    static let tokenJSON = """
        {".expires": "Sun, 29 Nov 2026 10:00:00 GMT", ".issued": "Sun, 29 Nov 2026 09:00:00 GMT",
         "access_token": "eyJhbGciOi", "canopysimulations:client_id:": "canopy-web", "expires_in": 3600,
         "refresh_token": "r-123", "roles": "user,admin", "tenant_id": "t-1", "token_type": "bearer",
         "two_factor_enabled": true, "user_id": "u-1", "username": "u"}
        """

    @available(*, deprecated)
    @Test func postsTheFormAndDecodesTheToken() async throws {
        let server = try LocalHTTPServer { _ in .json(201, Self.tokenJSON) }
        defer { server.shutdown() }

        // The call site from the README, as users write it.
        let client = APIClient(baseURL: server.baseURL)
        let token = try await TokenApi(client: client).tokenPostToken(
            grantType: "password", username: "u", tenant: "t", password: "p", clientId: "c", clientSecret: "s"
        )

        #expect(token.accessToken == "eyJhbGciOi")
        #expect(token.expires == "Sun, 29 Nov 2026 10:00:00 GMT")
        #expect(token.issued == "Sun, 29 Nov 2026 09:00:00 GMT")
        #expect(token.canopysimulationsClientId == "canopy-web")
        #expect(token.expiresIn == 3600)
        #expect(token.refreshToken == "r-123")
        #expect(token.roles == "user,admin")
        #expect(token.tenantId == "t-1")
        #expect(token.tokenType == "bearer")
        #expect(token.twoFactorEnabled == true)
        #expect(token.userId == "u-1")
        #expect(token.username == "u")

        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "POST")
        #expect(request.path == "/token")
        #expect(request.query == nil)
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        // Only what the client decodes: the body is JSON.
        #expect(request.header("Accept") == "application/json, text/json")
        // Only the fields given, in the order of the description.
        #expect(request.bodyText == "grant_type=password&username=u&tenant=t&password=p&client_id=c&client_secret=s")
    }

    @available(*, deprecated)
    @Test func percentEncodesFormValues() async throws {
        let server = try LocalHTTPServer { _ in .json(201, "{}") }
        defer { server.shutdown() }
        let api = TokenApi(client: APIClient(baseURL: server.baseURL))

        let token = try await api.tokenPostToken(grantType: "refresh_token", refreshToken: "a+b/c=d&e f%~ü")

        #expect(token == GrantTypeHandlerResponse())
        let request = try #require(server.requests.first)
        #expect(request.bodyText == "grant_type=refresh_token&refresh_token=a%2Bb%2Fc%3Dd%26e%20f%25~%C3%BC")
        let fields = URLComponents(string: "?" + request.bodyText)?.queryItems
        #expect(fields?.first { $0.name == "refresh_token" }?.value == "a+b/c=d&e f%~ü")
    }

    @available(*, deprecated)
    @Test func throwsTheProblemDetailsOfABadRequest() async throws {
        let server = try LocalHTTPServer { _ in
            .json(
                400,
                #"{"type": "https://tools.ietf.org/html/rfc7231#section-6.5.1", "title": "Invalid grant", "status": 400, "#
                    + #""detail": "The user name or password is incorrect.", "traceId": "00-abc-01"}"#,
                contentType: "application/problem+json"
            )
        }
        defer { server.shutdown() }
        let api = TokenApi(client: APIClient(baseURL: server.baseURL))

        let error = await #expect(throws: APIResponseError<ProblemDetails>.self) {
            try await api.tokenPostToken(grantType: "password", username: "u", password: "wrong")
        }
        #expect(error?.statusCode == 400)
        #expect(error?.body.title == "Invalid grant")
        #expect(error?.body.status == 400)
        #expect(error?.body.detail == "The user name or password is incorrect.")
        #expect(error?.body.type == "https://tools.ietf.org/html/rfc7231#section-6.5.1")
        #expect(error?.body.additionalProperties == ["traceId": .string("00-abc-01")])
        #expect(error?.response.headers["content-type"] == "application/problem+json")
    }

    @available(*, deprecated)
    @Test func throwsStatusHeadersAndBodyOfAnyOtherStatus() async throws {
        let server = try LocalHTTPServer { _ in
            CannedResponse(status: 503, headers: [("Retry-After", "120")], body: Array("maintenance".utf8))
        }
        defer { server.shutdown() }
        let api = TokenApi(client: APIClient(baseURL: server.baseURL))

        let error = await #expect(throws: APIError.self) {
            try await api.tokenPostToken(grantType: "password")
        }
        guard case .unexpectedStatus(let response) = error else {
            Issue.record("expected unexpectedStatus, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 503)
        #expect(response.headers["Retry-After"] == "120")
        #expect(response.bodyText == "maintenance")
    }

    @available(*, deprecated)
    @Test func reportsABodyThatIsNotTheDocumentedType() async throws {
        let server = try LocalHTTPServer { _ in .json(201, #"{"expires_in": "soon"}"#) }
        defer { server.shutdown() }
        let api = TokenApi(client: APIClient(baseURL: server.baseURL))

        let error = await #expect(throws: APIError.self) {
            try await api.tokenPostToken(grantType: "password")
        }
        guard case .decodingFailed(let response, let underlying) = error else {
            Issue.record("expected decodingFailed, got \(String(describing: error))")
            return
        }
        #expect(response.statusCode == 201)
        #expect(underlying is DecodingError)
    }

    @available(*, deprecated)
    @Test func returnsEveryDocumentedResponseWithoutThrowing() async throws {
        let statuses = [201, 400, 418]
        let server = try LocalHTTPServer { request in
            switch request.bodyText {
            case "grant_type=a": .json(201, Self.tokenJSON)
            case "grant_type=b": .json(400, #"{"title": "Bad"}"#)
            default: .text(418, "teapot")
            }
        }
        defer { server.shutdown() }
        let api = TokenApi(client: APIClient(baseURL: server.baseURL))

        var seen: [Int] = []
        for grant in ["a", "b", "c"] {
            switch try await api.tokenPostTokenResponse(grantType: grant) {
            case .created(let token):
                #expect(token.username == "u")
                seen.append(201)
            case .badRequest(let problem):
                #expect(problem.title == "Bad")
                seen.append(400)
            case .default(let response):
                #expect(response.bodyText == "teapot")
                seen.append(response.statusCode)
            }
        }
        #expect(seen == statuses)
    }
}
