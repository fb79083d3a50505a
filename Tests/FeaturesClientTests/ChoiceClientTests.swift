import Features
import Foundation
import LocalHTTPServer
import TestExecutors
import Testing

/// A `oneOf`/`anyOf` among an object's `allOf` parts or beside its properties: the struct holds the alternative as a
/// property, read from and written to the object's own members, so nothing the alternative adds is lost.
@Suite(.loopback) struct ChoiceClientTests {
    /// An adoption (an object and the `Pet` union, `allOf`) as `JSONEncoder` writes it: one object, keys sorted.
    static let adoptionJSON = #"{"id":"a1","indoor":true,"name":"Tom","note":"shy","petType":"cat"}"#

    @Test func anAllOfWithAUnionIsOneObjectBothWays() async throws {
        let server = try LocalHTTPServer { _ in .json(200, Self.adoptionJSON) }
        defer { server.shutdown() }
        let adoption = Adoption(
            id: "a1", note: "shy", pet: .cat(Cat(petType: "cat", name: "Tom", indoor: true)))

        let recorded = try await AdoptionsApi(client: APIClient(baseURL: server.baseURL)).adopt(body: adoption)

        let request = try #require(server.requests.first)
        #expect(request.bodyText == Self.adoptionJSON)
        #expect(recorded == adoption)
    }

    /// Each kind of choice as a server sends it, in one response: by items, by tag, through an `allOf` wrapper, an
    /// `anyOf` of objects and a union among `allOf` parts, read and written back unchanged.
    @Test func everyKindOfChoiceComesThroughTheClient() async throws {
        let json =
            #"{"booking":{"balance":5,"id":"b1"},"evalTool":{"type":"file_search"},"offer":{"balance":10},"#
            + #""offers":{"balance":10},"stargazers":[{"login":"ada"}],"tool":{"type":"code_interpreter"}}"#
        let server = try LocalHTTPServer { _ in .json(200, json) }
        defer { server.shutdown() }

        let choices = try await AdoptionsApi(client: APIClient(baseURL: server.baseURL)).listChoices()

        #expect(choices.booking == Booking(id: "b1", variant: .giftCard(GiftCard(balance: 5))))
        #expect(choices.evalTool == .fileSearch(FileSearchTool(type: "file_search")))
        #expect(choices.offer == .giftCard(GiftCard(balance: 10)))
        #expect(choices.offers == Offers(giftCard: GiftCard(balance: 10)))
        #expect(choices.stargazers == .followerArray([Follower(login: "ada")]))
        #expect(choices.tool == .codeInterpreterTool(CodeInterpreterTool(type: .codeInterpreter)))
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(choices), as: UTF8.self) == json)
    }

    @Test func theDiscriminatorChoosesTheAlternativeAndUnknownOnesAreKept() throws {
        let decoder = JSONCoding.makeDecoder()
        let dog = try decoder.decode(Adoption.self, from: Data(#"{"id":"a2","petType":"Dog","bark":false}"#.utf8))
        #expect(dog == Adoption(id: "a2", pet: .dog(Dog(petType: "Dog", bark: false))))
        // A pet type the description does not map is kept as received, and written back whole.
        let text = #"{"id":"a3","petType":"parrot","words":12}"#
        let parrot = try decoder.decode(Adoption.self, from: Data(text.utf8))
        #expect(parrot.id == "a3")
        guard case .undocumented = parrot.pet else {
            Issue.record("expected the undocumented case, got \(parrot.pet)")
            return
        }
        let written = try JSONCoding.makeEncoder().encode(parrot)
        #expect(String(decoding: written, as: UTF8.self) == #"{"id":"a3","petType":"parrot","words":12}"#)
        // The object's own required members are still required.
        #expect(throws: DecodingError.self) {
            try decoder.decode(Adoption.self, from: Data(#"{"petType":"dog","bark":false}"#.utf8))
        }
    }

    /// A member the struct and its chosen alternative both declare is written as the alternative has it: the
    /// alternative's `data` declares `createdAt`, the struct's does not, and a round trip keeps it.
    @Test func aMemberTheChoiceRefinesRoundTrips() async throws {
        let json = #"{"actor":"ana","data":{"createdAt":"2024-05-01","id":"e1"},"type":"created"}"#
        let server = try LocalHTTPServer { _ in .json(200, "[\(json)]") }
        defer { server.shutdown() }

        let events = try await EventsApi(client: APIClient(baseURL: server.baseURL)).listEvents()

        let event = try #require(events.first)
        #expect(event.data == Event.Data2(id: "e1"))
        #expect(
            event.variant
                == .created(
                    Event.Variant.Created(
                        actor: "ana", data: Event.Variant.Created.Data3(id: "e1", createdAt: "2024-05-01"))))
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(event), as: UTF8.self) == json)
    }

    @Test func aOneOfBesidePropertiesIsChosenByShape() async throws {
        let json = #"{"amount":250,"iban":"CH93 0076 2011 6238 5295 7"}"#
        let server = try LocalHTTPServer { _ in .json(200, json) }
        defer { server.shutdown() }
        let payment = Payment(
            amount: 250, variant: .transfer(Payment.Variant.Transfer(iban: "CH93 0076 2011 6238 5295 7")))

        let recorded = try await AdoptionsApi(client: APIClient(baseURL: server.baseURL)).pay(body: payment)

        #expect(try #require(server.requests.first).bodyText == json)
        #expect(recorded == payment)
        let card = try JSONCoding.makeDecoder().decode(
            Payment.self, from: Data(#"{"amount":5,"cardNumber":"4242"}"#.utf8))
        #expect(card == Payment(amount: 5, variant: .card(Payment.Variant.Card(cardNumber: "4242"))))
        // Neither alternative fits: the payment cannot be read.
        #expect(throws: DecodingError.self) {
            try JSONCoding.makeDecoder().decode(Payment.self, from: Data(#"{"amount":5}"#.utf8))
        }
    }
}

/// A `oneOf` of arrays is chosen by the shape of the items (GitHub's stargazers: users, or users with the time
/// they starred), named after them.
@Suite(.computing) struct ArrayChoiceTests {
    let decoder = JSONCoding.makeDecoder()

    @Test func theItemsChooseTheCase() throws {
        let followers = try decoder.decode(Stargazers.self, from: Data(#"[{"login":"ada"},{"login":"alan"}]"#.utf8))
        #expect(followers == .followerArray([Follower(login: "ada"), Follower(login: "alan")]))
        let stars = try decoder.decode(
            Stargazers.self, from: Data(#"[{"starredAt":"2024-01-02T03:04:05Z","user":{"login":"ada"}}]"#.utf8))
        #expect(
            stars
                == .starArray([
                    Star(starredAt: Date(timeIntervalSince1970: 1_704_164_645), user: Follower(login: "ada"))
                ]))
    }

    @Test func anEmptyArrayIsTheFirstCaseAndMixedItemsFitNone() throws {
        // Every array case holds the same nothing: no tie to report.
        #expect(try decoder.decode(Stargazers.self, from: Data("[]".utf8)) == .followerArray([]))
        // One item of each: neither case fits all of them.
        #expect(throws: DecodingError.self) {
            try decoder.decode(
                Stargazers.self,
                from: Data(#"[{"login":"ada"},{"starredAt":"2024-01-02T03:04:05Z","user":{"login":"alan"}}]"#.utf8))
        }
    }
}

/// Without a discriminator, a member that allows one string (an enum of one value, a `const`) tells objects
/// apart: OpenAI's assistant tools.
@Suite(.computing) struct TagChoiceTests {
    let decoder = JSONCoding.makeDecoder()

    @Test func theOneValueATypeAllowsChoosesTheCase() throws {
        // Both alternatives declare `type` and nothing else is there: only its value tells them apart.
        let code = try decoder.decode(Tool.self, from: Data(#"{"type":"code_interpreter"}"#.utf8))
        #expect(code == .codeInterpreterTool(CodeInterpreterTool(type: .codeInterpreter)))
        let search = try decoder.decode(Tool.self, from: Data(#"{"type":"file_search"}"#.utf8))
        #expect(search == .fileSearchTool(FileSearchTool(type: "file_search")))
        let tuned = try decoder.decode(
            Tool.self, from: Data(#"{"type":"file_search","file_search":{"max_num_results":5}}"#.utf8))
        #expect(
            tuned
                == .fileSearchTool(
                    FileSearchTool(type: "file_search", fileSearch: FileSearchTool.FileSearch(maxNumResults: 5))))
    }

    @Test func anAllOfWrapperHasTheShapeOfWhatItWraps() throws {
        // Each alternative is `allOf: [$ref]`: its shape is the referenced object's, tags and all.
        let search = try decoder.decode(EvalTool.self, from: Data(#"{"type":"file_search"}"#.utf8))
        #expect(search == .fileSearch(FileSearchTool(type: "file_search")))
        let code = try decoder.decode(EvalTool.self, from: Data(#"{"type":"code_interpreter"}"#.utf8))
        #expect(code == .codeInterpreter(CodeInterpreterTool(type: .codeInterpreter)))
    }

    @Test func aValueNoTagNamesIsStillTheOnlyAlternativeItFits() throws {
        // A tool this description does not know, with a member only the file search declares: that one.
        let tool = try decoder.decode(Tool.self, from: Data(#"{"type":"web_search","file_search":{}}"#.utf8))
        #expect(tool == .fileSearchTool(FileSearchTool(type: "web_search", fileSearch: FileSearchTool.FileSearch())))
        // Nothing to tell them apart: a tie, reported with the candidates.
        let tie = #expect(throws: DecodingError.self) {
            try decoder.decode(Tool.self, from: Data(#"{"type":"web_search"}"#.utf8))
        }
        guard case .dataCorrupted(let context) = tie else {
            Issue.record("not a dataCorrupted error: \(String(describing: tie))")
            return
        }
        #expect(
            context.debugDescription
                == "the value fits several of Tool's cases equally: codeInterpreterTool, fileSearchTool")
    }
}

/// An `anyOf` of objects is a struct of every alternative the JSON fits: a page with links both ways has both.
@Suite(.loopback) struct AnyOfClientTests {
    @Test func everyAlternativeTheObjectFitsIsRead() async throws {
        let json = #"{"pages":{"first":"p1","last":"p9","next":"p3","prev":"p1"}}"#
        let server = try LocalHTTPServer { _ in .json(200, json) }
        defer { server.shutdown() }

        let links = try await AdoptionsApi(client: APIClient(baseURL: server.baseURL)).listPages()

        let pages = try #require(links.pages)
        #expect(pages.forwardLinks == ForwardLinks(last: "p9", next: "p3"))
        #expect(pages.backwardLinks == BackwardLinks(first: "p1", prev: "p1"))
        // Written back, the alternatives' members are one object again.
        #expect(String(decoding: try JSONCoding.makeEncoder().encode(links), as: UTF8.self) == json)
    }

    @Test func anAlternativeThatDoesNotFitIsNil() throws {
        let decoder = JSONCoding.makeDecoder()
        let forward = try decoder.decode(PageLinks.self, from: Data(#"{"pages":{"next":"p2"}}"#.utf8))
        // Every member is optional, so any object fits both; a member of the wrong kind rules one out.
        #expect(forward.pages?.forwardLinks == ForwardLinks(next: "p2"))
        let typed = try decoder.decode(PageLinks.self, from: Data(#"{"pages":{"next":"p2","first":7}}"#.utf8))
        #expect(typed.pages?.forwardLinks == ForwardLinks(next: "p2"))
        #expect(typed.pages?.backwardLinks == nil)
        #expect(throws: DecodingError.self) {
            try decoder.decode(PageLinks.self, from: Data(#"{"pages":"p2"}"#.utf8))
        }
    }
}
