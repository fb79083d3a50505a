import Canopy
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// Operations that need the `Bearer` scheme: path and query parameters, a JSON body with dates, enums that meet
/// values the description does not list.
@Suite(.loopback) struct AuthorizedApiTests {
    func client(_ server: LocalHTTPServer, token: String? = "secret-token") -> APIClient {
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        if let token {
            configuration.credentials[SecurityScheme.bearer.name] = .token(token)
        }
        return APIClient(configuration: configuration)
    }

    @Test func sendsTheBearerTokenPathAndQuery() async throws {
        let server = try LocalHTTPServer { _ in
            .json(
                200,
                #"{"poolId": "p1", "poolState": "active", "allocationState": "resizing", "currentDedicated": 2, "#
                    + #""computeNodes": [{"computeNodeId": "n1", "state": "waitingForStartTask", "runningTasks": 1, "#
                    + #""isDedicated": true}, {"state": "hibernating"}]}"#
            )
        }
        defer { server.shutdown() }

        let status = try await PoolApi(client: client(server)).poolGetPoolStatus(
            tenantId: "ten ant/1", poolType: "primary")

        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/pools/ten%20ant%2F1")
        #expect(request.query == "poolType=primary")
        #expect(request.header("Authorization") == "Bearer secret-token")
        #expect(status.poolId == "p1")
        #expect(status.poolState == .active)
        #expect(status.allocationState == .resizing)
        #expect(status.currentDedicated == 2)
        #expect(status.computeNodes?.first?.state == .waitingForStartTask)
        // A value the description does not list decodes instead of failing the whole response.
        #expect(status.computeNodes?.last?.state == .undocumented("hibernating"))
        #expect(status.computeNodes?.last?.state?.rawValue == "hibernating")
    }

    /// `GET /pools/{tenantId}` needs `Bearer`: without it, nothing is sent and the error names the scheme.
    @Test func failsWithoutSendingWhenTheCredentialIsMissing() async throws {
        let server = try LocalHTTPServer { _ in .json(200, "{}") }
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            try await PoolApi(client: client(server, token: nil)).poolGetPoolStatus(tenantId: "t")
        }

        guard case .missingCredentials(let operationID, let alternatives) = error else {
            Issue.record("expected missingCredentials, got \(String(describing: error))")
            return
        }
        #expect(operationID == "Pool_GetPoolStatus")
        #expect(alternatives == [["Bearer"]])
        #expect(
            error?.description
                == "missing credentials: 'Pool_GetPoolStatus' needs 'Bearer' in APIClient.Configuration.credentials; "
                + "nothing was sent")
        #expect(server.requests.isEmpty)
    }

    @Test func asksATokenProviderOnEveryRequest() async throws {
        let server = try LocalHTTPServer { _ in .json(200, "{}") }
        defer { server.shutdown() }
        let counter = Counter()
        var configuration = APIClient.Configuration(baseURL: server.baseURL)
        configuration.credentials["Bearer"] = .provider { "token-\(counter.next())" }
        let api = PoolApi(client: APIClient(configuration: configuration))

        _ = try await api.poolGetPoolStatus(tenantId: "t")
        _ = try await api.poolGetPoolStatus(tenantId: "t")

        #expect(server.requests.map { $0.header("Authorization") } == ["Bearer token-1", "Bearer token-2"])
    }

    @Test func postsAJSONBodyWithCalendarDates() async throws {
        let server = try LocalHTTPServer { _ in .json(200, "42") }
        defer { server.shutdown() }
        let data = CreateDeploymentData(
            name: "Canopy \"F1\"", commerciallyActive: true, renewalDate: CalendarDate(year: 2027, month: 3, day: 1),
            maxNodes: 8, features: ["sim", "study"]
        )

        let id = try await DeploymentsApi(client: client(server)).deploymentsCreateDeployment(body: data)

        #expect(id == 42)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/deployments")
        #expect(request.header("Content-Type") == "application/json")
        let sent = try JSONSerialization.jsonObject(with: Data(request.bodyText.utf8)) as? [String: Any]
        #expect(sent?["name"] as? String == "Canopy \"F1\"")
        #expect(sent?["renewalDate"] as? String == "2027-03-01")
        #expect(sent?["maxNodes"] as? Int == 8)
        #expect(sent?["features"] as? [String] == ["sim", "study"])
        // Properties left nil are not sent.
        #expect(sent?.keys.sorted() == ["commerciallyActive", "features", "maxNodes", "name", "renewalDate"])
    }

    @Test func decodesDatesAndDateTimes() async throws {
        let server = try LocalHTTPServer { _ in
            .json(
                200,
                #"{"deployment": {"id": 7, "renewalDate": "2026-12-31", "notes": ["#
                    + #"{"date": "2026-11-29T09:30:00Z", "note": "a"}, {"date": "2026-11-29T09:30:00.250+01:00"}]}}"#
            )
        }
        defer { server.shutdown() }

        let result = try await DeploymentsApi(client: client(server)).deploymentsGetDeployment(deploymentId: 7)

        #expect(server.requests.first?.path == "/deployments/7")
        let deployment = try #require(result.deployment)
        #expect(deployment.id == 7)
        #expect(deployment.renewalDate == CalendarDate(year: 2026, month: 12, day: 31))
        let notes = try #require(deployment.notes)
        #expect(notes[0].date == Date(timeIntervalSince1970: 1_795_944_600))
        #expect(notes[1].date == Date(timeIntervalSince1970: 1_795_941_000.25))
        #expect(notes[0].note == "a")
    }

    @Test func answersAnUndocumentedStatusWithTheResponse() async throws {
        let server = try LocalHTTPServer { _ in .text(401, "no token") }
        defer { server.shutdown() }
        let api = DeploymentsApi(client: client(server, token: "expired"))

        let result = try await api.deploymentsGetDeploymentResponse(deploymentId: 1)

        guard case .undocumented(let response) = result else {
            Issue.record("expected undocumented, got \(result)")
            return
        }
        #expect(response.statusCode == 401)
        #expect(response.bodyText == "no token")
    }
}

/// A thread-safe counter for token providers.
final class Counter: Sendable {
    private let lock = NSLock()
    private nonisolated(unsafe) var value = 0

    func next() -> Int {
        lock.withLock {
            value += 1
            return value
        }
    }
}
