public import ChainRiskCore

/// The disruption events a report draws on: the letter's Table 1 plus the user's own, with summaries.
///
/// Ids are unique across all events: building a catalogue with a user id that a built-in event already has is an
/// error (`EventCatalogue.DuplicateID`), not a silent renumbering, so ids the user wrote keep meaning what they
/// wrote. `EventFileReader` (ChainRiskIngest) checks the same when reading a file and names the line.
public struct EventCatalogue: Sendable, Hashable {
    /// A second event with an id already in the catalogue.
    public struct DuplicateID: Error, Sendable, Hashable, CustomStringConvertible {
        public let id: Int
        public let existing: String
        public let duplicate: String

        public var description: String {
            "event id \(id) is used twice: '\(existing)' and '\(duplicate)'; give user events ids the built-in events do not use"
        }
    }

    /// All events sorted by start (year, month), then id.
    public let events: [DisruptionEvent]
    /// The ids that came from the built-in dataset, ascending.
    public let builtInIDs: [Int]

    /// Combines built-in and user events; throws `DuplicateID` when two events share an id.
    public init(builtIn: [DisruptionEvent], user: [DisruptionEvent] = []) throws(DuplicateID) {
        var seen: [Int: DisruptionEvent] = [:]
        for event in builtIn + user {
            if let existing = seen[event.id] {
                throw DuplicateID(id: event.id, existing: existing.nameEN, duplicate: event.nameEN)
            }
            seen[event.id] = event
        }
        events = (builtIn + user).sorted { ($0.startYear, $0.startMonth, $0.id) < ($1.startYear, $1.startMonth, $1.id) }
        builtInIDs = builtIn.map(\.id).sorted()
    }

    /// The letter's Table 1 plus `user` events.
    public init(dataset: LetterDataset, user: [DisruptionEvent] = []) throws(DuplicateID) {
        try self.init(builtIn: dataset.events, user: user)
    }

    /// The event with this id.
    public func event(id: Int) -> DisruptionEvent? { events.first { $0.id == id } }

    /// True when the event came from the built-in dataset.
    public func isBuiltIn(_ event: DisruptionEvent) -> Bool { builtInIDs.contains(event.id) }

    /// All events together.
    public func total() -> EventSummary { EventSummary(group: .all, events: events) }

    /// One summary per start year present, ascending.
    public func byYear() -> [EventSummary] {
        Set(events.map(\.startYear)).sorted().map { year in
            EventSummary(group: .year(year), events: events.filter { $0.startYear == year })
        }
    }

    /// One summary per cause category, all four in the letter's order (empty categories have count 0).
    public func byCategory() -> [EventSummary] {
        CauseCategory.allCases.map { category in
            EventSummary(group: .category(category), events: events.filter { $0.category == category })
        }
    }

    /// One summary per country hit, by code.
    ///
    /// An event hitting several countries counts in full in each (its production sites are not split, since the
    /// source gives no split), so region totals add up to more than `total()`. A country listed twice in one
    /// event counts once.
    public func byRegion() -> [EventSummary] {
        Set(events.flatMap(\.regions)).sorted().map { region in
            EventSummary(group: .region(region), events: events.filter { $0.regions.contains(region) })
        }
    }
}
