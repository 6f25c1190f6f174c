import PitstopModel

/// Merging an overlay onto the scenario it extends.
///
/// Maps merge key by key; an hour or day map (`staffed_hours`, `open_hours`, a rule's
/// `hours`, a profile's `days`) replaces the base's map whole; a list whose items are all
/// mappings with an `id` merges by id (fields of an existing id merge in turn, new ids are
/// appended, `remove: true` deletes one); any other value replaces. Every node keeps the
/// location of the file it came from.
enum Overlay {
    /// Keys whose mapping value is a map by day, replaced whole by an overlay: a key-by-key
    /// merge would leave a more specific base key (`mon-thu`) in force over the overlay's
    /// broader one (`mon-fri`). Wherever else these keys occur their values are scalars or
    /// lists, which replace anyway.
    static let dayMapKeys: Set<String> = ["staffed_hours", "open_hours", "hours", "days"]

    /// `overlay` merged onto `base`. With `listsReplace` (a `--set`'s value) every list
    /// replaces the base's whole: nothing is appended or removed by id.
    static func merge(_ base: SourceNode, _ overlay: SourceNode, sink: DiagnosticSink, listsReplace: Bool = false) -> SourceNode {
        switch (base.content, overlay.content) {
        case (.mapping(let baseEntries), .mapping(let overlayEntries)):
            var result = baseEntries
            var indexOfKey: [String: Int] = [:]
            for (index, entry) in result.enumerated() where indexOfKey[entry.key] == nil { indexOfKey[entry.key] = index }
            for entry in overlayEntries {
                if let index = indexOfKey[entry.key] {
                    let merged = dayMapKeys.contains(entry.key)
                        ? entry.value : merge(result[index].value, entry.value, sink: sink, listsReplace: listsReplace)
                    result[index] = SourceNode.Entry(key: entry.key, keyLocation: entry.keyLocation, value: merged)
                } else {
                    indexOfKey[entry.key] = result.count
                    result.append(entry)
                }
            }
            return SourceNode(.mapping(result), at: base.location)
        case (.sequence(let baseItems), .sequence(let overlayItems))
        where !listsReplace && !overlayItems.isEmpty && overlayItems.allSatisfy({ id(of: $0) != nil }):
            // Removed items become nil so that the index by id stays valid.
            var result: [SourceNode?] = baseItems
            var indexOfID: [String: Int] = [:]
            for (index, item) in baseItems.enumerated() {
                if let id = id(of: item), indexOfID[id] == nil { indexOfID[id] = index }
            }
            for item in overlayItems {
                guard let id = id(of: item), var entries = item.entries else { continue }
                var remove = false
                if let index = entries.firstIndex(where: { $0.key == "remove" }) {
                    let value = entries[index].value
                    switch value.scalar {
                    case "true", "True", "TRUE", "yes": remove = true
                    case "false", "False", "FALSE", "no": break
                    default: sink.error(.removeNotBool(found: value.found), at: value.location)
                    }
                    entries.remove(at: index)
                }
                let cleaned = SourceNode(.mapping(entries), at: item.location)
                if let index = indexOfID[id], let existing = result[index] {
                    if remove {
                        result[index] = nil
                        indexOfID[id] = nil
                    } else {
                        result[index] = merge(existing, cleaned, sink: sink)
                    }
                } else if remove {
                    let location = item["remove"]?.location ?? item.location
                    sink.error(removeUnknown(id, in: baseItems, sink: sink), at: location)
                } else {
                    indexOfID[id] = result.count
                    result.append(cleaned)
                }
            }
            return SourceNode(.sequence(result.compactMap { $0 }), at: base.location)
        default:
            return overlay
        }
    }

    /// The `id` of a list item that is a mapping with a text id.
    static func id(of node: SourceNode) -> String? {
        node.entries?.first { $0.key == "id" }?.value.scalar
    }

    /// The group (an item with a `count`) whose positions include `position` (`lib-3` of `lib`).
    static func groupHolding(position: String, in items: [SourceNode]) -> String? {
        for item in items {
            guard let groupID = id(of: item), item["count"] != nil, position.hasPrefix(groupID + "-"),
                Int(position.dropFirst(groupID.count + 1)) != nil
            else { continue }
            return groupID
        }
        return nil
    }

    /// "cannot remove 'x'", with a suggestion, or a hint when `x` is a position of a group.
    static func removeUnknown(_ id: String, in base: [SourceNode], sink: DiagnosticSink) -> Message {
        guard sink.canSuggest else { return .removeUnknown(id) }
        if let group = groupHolding(position: id, in: base) {
            return .removeGroupPosition(id, group: group)
        }
        return Message.removeUnknown(id).suggesting(sink.suggest(id, in: base.compactMap { Overlay.id(of: $0) }))
    }
}
