import Foundation
import LocalHTTPServer
import SwaggerTwo
import TestExecutors
import Testing

/// The generated `SwaggerTwo` client (Tests/Specs/swagger2.yaml, Swagger 2.0) against a local server: the bytes it
/// sends for `collectionFormat`, header, `in: body` and `formData` parameters and for its two security schemes, and
/// what it decodes, the `allOf` hierarchy under `Pet`'s discriminator included.
@Suite(.loopback) struct SwaggerTwoClientTests {
    /// The client on the local server, under the description's `basePath`.
    func api(_ server: LocalHTTPServer, credentials: [String: Credential] = [:]) -> DefaultApi {
        var configuration = APIClient.Configuration(baseURL: server.baseURL.appendingPathComponent("v2"))
        configuration.credentials = credentials
        configuration.retry = .none
        return DefaultApi(client: APIClient(configuration: configuration))
    }

    /// `collectionFormat: multi` repeats the name, `pipes` joins the items with `|`; the header parameter is sent
    /// as given. A cat and a dog are read as the case their `kind` names (`Pet` is the choice among the schemas that
    /// extend it), a kind the description does not list is kept as it came, and `x-nullable`'s `null` is nil.
    @Test func findPetsSendsCollectionFormatsAndDecodesEveryKindOfPet() async throws {
        let server = try LocalHTTPServer { _ in
            .json(
                200,
                #"[{"id": 1, "kind": "Cat", "name": "Tom", "nickname": null, "indoor": true}, "#
                    + #"{"id": 2, "kind": "Dog", "name": "Rex", "nickname": "Rexy", "barks": false}, "#
                    + #"{"id": 3, "kind": "Hamster", "name": "Ham", "nickname": null, "wheel": 2}]"#)
        }
        defer { server.shutdown() }

        let pets = try await api(server).findPets(
            status: [.available, .sold], tags: ["house trained", "small"], xTrace: "trace-1")

        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/v2/pets")
        #expect(request.query == "status=available&status=sold&tags=house%20trained%7Csmall")
        #expect(request.headerValues("X-Trace") == ["trace-1"])
        #expect(request.header("Accept") == "application/json")
        #expect(request.body.isEmpty)

        #expect(
            pets == [
                .cat(Cat(id: 1, name: "Tom", kind: "Cat", indoor: true)),
                .dog(Dog(id: 2, name: "Rex", kind: "Dog", nickname: "Rexy", barks: false)),
                .undocumented(
                    .object([
                        "id": .integer(3), "kind": .string("Hamster"), "name": .string("Ham"), "nickname": .null,
                        "wheel": .integer(2),
                    ])),
            ])
        guard case .cat(let tom) = pets[0] else { return }
        #expect(tom.nickname == nil)

        // Without parameters, no query and no header.
        _ = try await api(server).findPets()
        #expect(server.requests.last?.query == nil)
        #expect(server.requests.last?.header("X-Trace") == nil)
    }

    /// The `in: body` parameter is the JSON of the pet, without its read-only `id` even when it is set; the OAuth 2
    /// token goes in `Authorization`; the 201 body is the stored pet, and the `default` response's `Error` is
    /// thrown as `APIResponseError<ErrorModel>`.
    @Test func addPetSendsTheBodyWithoutItsReadOnlyIdAndTheBearerToken() async throws {
        let server = try LocalHTTPServer { request in
            request.bodyText.contains("Nobody")
                ? .json(422, #"{"code": 42, "message": "no such name"}"#)
                : .json(201, #"{"id": 7, "kind": "Dog", "name": "Rex", "barks": true}"#)
        }
        defer { server.shutdown() }
        let pets = api(server, credentials: [SecurityScheme.petstoreAuth.name: .token("oauth-token-1")])
        let rex = Pet.dog(Dog(id: 99, name: "Rex", kind: "Dog", nickname: "R", barks: true))

        let stored = try await pets.addPet(body: rex)

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v2/pets")
        #expect(request.query == nil)
        #expect(request.headerValues("Authorization") == ["Bearer oauth-token-1"])
        #expect(request.header("Content-Type") == "application/json")
        #expect(request.header("Accept") == "application/json")
        #expect(request.bodyText == #"{"barks":true,"kind":"Dog","name":"Rex","nickname":"R"}"#)
        let dog = Dog(id: 7, name: "Rex", kind: "Dog", barks: true)
        #expect(stored == .dog(dog))

        // A `default` response: the documented error, with its status.
        let nobody = Pet.dog(Dog(name: "Nobody", kind: "Dog", barks: false))
        let error = await #expect(throws: APIResponseError<ErrorModel>.self) { try await pets.addPet(body: nobody) }
        #expect(error?.statusCode == 422)
        #expect(error?.body == ErrorModel(code: 42, message: "no such name"))
        #expect(server.requests.count == 2)

        // The same through the `…Response` method: the `default` case with the status.
        guard case .default(let statusCode, let body) = try await pets.addPetResponse(body: nobody) else {
            Issue.record("expected the default response")
            return
        }
        #expect(statusCode == 422)
        #expect(body.code == 42)
    }

    /// `formData` with `type: file` under `consumes: multipart/form-data`: a part per parameter in the
    /// description's order, the file with its name and type, the whole body laid out as RFC 7578 says.
    @Test func uploadImageSendsAMultipartBodyWithTheFileAndTheNote() async throws {
        let server = try LocalHTTPServer { _ in .empty(200) }
        defer { server.shutdown() }
        let image: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF]

        try await api(server).uploadImage(
            petId: 5, file: MultipartFile(data: Data(image), filename: "rex.png", contentType: "image/png"),
            note: "Rex, åge 3")

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v2/pets/5/image")
        let contentType = try #require(request.header("Content-Type"))
        let prefix = "multipart/form-data; boundary="
        #expect(contentType.hasPrefix(prefix))
        let boundary = String(contentType.dropFirst(prefix.count))
        #expect(!boundary.isEmpty)
        #expect(request.header("Content-Length") == String(request.body.count))

        let parts = try MultipartParser.parse(request.body, contentType: contentType)
        #expect(parts.map(\.name) == ["note", "file"])
        #expect(parts.map(\.filename) == [nil, "rex.png"])
        #expect(parts.map { $0.header("Content-Type") } == [nil, "image/png"])
        #expect(parts[0].text == "Rex, åge 3")
        #expect(parts[1].body == image)

        var expected = Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nRex, åge 3\r\n".utf8)
        expected += Array(
            ("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rex.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").utf8)
        expected += image + Array("\r\n--\(boundary)--\r\n".utf8)
        #expect(request.body == expected)

        // Without the optional note, and a file with neither name nor type: the part's name and octet-stream.
        try await api(server).uploadImage(petId: 6, file: MultipartFile(data: Data([1, 2, 3])))
        let second = try #require(server.requests.last)
        let only = try MultipartParser.parse(second.body, contentType: try #require(second.header("Content-Type")))
        #expect(only.map(\.name) == ["file"])
        #expect(only.map(\.filename) == ["file"])
        #expect(only.map { $0.header("Content-Type") } == ["application/octet-stream"])
        #expect(only.map(\.body) == [[1, 2, 3]])
    }

    /// `formData` under `consumes: application/x-www-form-urlencoded`: the field, percent-encoded.
    @Test func renamePetSendsAFormBody() async throws {
        let server = try LocalHTTPServer { _ in .empty(204) }
        defer { server.shutdown() }

        try await api(server).renamePet(petId: 12, name: "Tom & Jerry/2 é+")

        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v2/pets/12")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.bodyText == "name=Tom%20%26%20Jerry%2F2%20%C3%A9%2B")
        #expect(request.header("Content-Length") == "38")
    }

    /// `200:` and `404:` written as integers in YAML are the statuses 200 and 404. The API key goes in the
    /// `api_key` header.
    @Test func getPetReadsIntegerStatusKeysAndSendsTheAPIKey() async throws {
        let server = try LocalHTTPServer { request in
            request.path.hasSuffix("/404")
                ? .json(404, #"{"code": 404, "message": "no pet 404"}"#)
                : .json(200, #"{"id": 5, "kind": "Cat", "name": "Tom", "indoor": false}"#)
        }
        defer { server.shutdown() }
        let pets = api(server, credentials: [SecurityScheme.apiKey.name: .token("key-5")])

        let tom = try await pets.getPet(petId: 5)

        let cat = Cat(id: 5, name: "Tom", kind: "Cat", indoor: false)
        #expect(tom == .cat(cat))
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.target == "/v2/pets/5")
        #expect(request.headerValues("api_key") == ["key-5"])
        #expect(request.header("Authorization") == nil)
        #expect(request.header("Accept") == "application/json")

        let error = await #expect(throws: APIResponseError<ErrorModel>.self) { try await pets.getPet(petId: 404) }
        #expect(error?.statusCode == 404)
        #expect(error?.body == ErrorModel(code: 404, message: "no pet 404"))
        guard case .notFound(let body) = try await pets.getPetResponse(petId: 404) else {
            Issue.record("expected notFound")
            return
        }
        #expect(body.message == "no pet 404")
    }

    /// Without an `api_key` credential nothing is sent, and the error names the operation and the scheme; the
    /// OAuth 2 token does not stand in for it.
    @Test func getPetWithoutTheAPIKeyIsNotSent() async throws {
        let server = try LocalHTTPServer { _ in .json(200, "[]") }
        defer { server.shutdown() }

        let error = await #expect(throws: APIError.self) {
            _ = try await api(server, credentials: [SecurityScheme.petstoreAuth.name: .token("t")]).getPet(petId: 5)
        }
        guard case .missingCredentials(let operationID, let alternatives) = error else {
            Issue.record("expected missingCredentials, got \(String(describing: error))")
            return
        }
        #expect(operationID == "getPet")
        #expect(alternatives == [["api_key"]])
        #expect(
            error?.description
                == "missing credentials: 'getPet' needs 'api_key' in APIClient.Configuration.credentials;"
                + " nothing was sent")
        #expect(server.requests.isEmpty)

        // Operations without `security` need nothing.
        _ = try await api(server).findPets()
        #expect(server.requests.count == 1)
        #expect(server.requests.first?.header("api_key") == nil)
    }
}
