import Features
import Foundation
import TestExecutors
import Testing

/// A model's `==` is written out member by member (not synthesized, for compile time): every kind of member must
/// take part, so changing any one of them makes two values differ, and equal values hash alike.
@Suite(.computing) struct ModelEqualityTests {
    /// Each change touches one member: required and optional ones, an enum, and the additional properties.
    @Test func everyMemberOfAnObjectTakesPart() {
        let account = Account(id: "a1", password: "pw", name: "Ann", kind: "person", tier: .pro)
        let changes: [(String, (inout Account) -> Void)] = [
            ("id", { $0.id = nil }), ("password", { $0.password = "other" }), ("name", { $0.name = "Bob" }),
            ("kind", { $0.kind = nil }), ("tier", { $0.tier = .undocumented(7) }),
            ("additionalProperties", { $0.additionalProperties["note"] = .string("x") }),
        ]
        for (member, change) in changes {
            var changed = account
            change(&changed)
            #expect(changed != account, "\(member)")
            #expect(changed == changed, "\(member)")
        }
        var copy = account
        copy.name = "Ann"
        #expect(copy == account)
        #expect(copy.hashValue == account.hashValue)
    }

    /// Tuples compare their boxed positions (a struct stored on the heap) by value, and their extra items.
    @Test func boxedMembersCompareByValue() {
        let waypoint = Waypoint(item0: "Bern", item1: Position(longitude: 7.5, latitude: 46.875))
        #expect(waypoint == Waypoint(item0: "Bern", item1: Position(longitude: 7.5, latitude: 46.875)))
        let changes: [(String, (inout Waypoint) -> Void)] = [
            ("item0", { $0.item0 = "Thun" }), ("item1", { $0.item1.latitude = 0 }), ("item2", { $0.item2 = 15 }),
            ("additionalItems", { $0.additionalItems = ["lunch"] }),
        ]
        for (member, change) in changes {
            var changed = waypoint
            change(&changed)
            #expect(changed != waypoint, "\(member)")
        }
        #expect(Set([waypoint, waypoint]).count == 1)
    }
}
