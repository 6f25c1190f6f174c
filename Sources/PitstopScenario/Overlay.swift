import PitstopModel

/// Merging an overlay onto the scenario it extends.
///
/// Maps merge key by key; a list whose items are all mappings with an `id` merges by id
/// (fields of an existing id merge in turn, new ids are appended, `remove: true` deletes
/// one); any other value replaces. Every node keeps the location of the file it came
/// from.
enum Overlay {
    static func merge(_ base: SourceNode, _ overlay: SourceNode, sink: DiagnosticSink) -> SourceNode {
        switch (base.content, overlay.content) {
        case (.mapping(let baseEntries), .mapping(let overlayEntries)):
            var result = baseEntries
            var indexOfKey: [String: Int] = [:]
            for (index, entry) in result.enumerated() where indexOfKey[entry.key] == nil { indexOfKey[entry.key] = index }
            for entry in overlayEntries {
                if let index = indexOfKey[entry.key] {
                    let merged = merge(result[index].value, entry.value, sink: sink)
                    result[index] = SourceNode.Entry(key: entry.key, keyLocation: entry.keyLocation, value: merged)
                } else {
                    indexOfKey[entry.key] = result.count
                    result.append(entry)
                }
            }
            return SourceNode(.mapping(result), at: base.location)
        case (.sequence(let baseItems), .sequence(let overlayItems))
        where !overlayItems.isEmpty && overlayItems.allSatisfy({ id(of: $0) != nil }):
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

    /// "cannot remove 'x'", with a suggestion, or a hint when `x` is a position of a group.
    static func removeUnknown(_ id: String, in base: [SourceNode], sink: DiagnosticSink) -> Message {
        guard sink.canSuggest else { return .removeUnknown(id) }
        let group = base.first { item in
            guard let groupID = Overlay.id(of: item), item["count"] != nil, id.hasPrefix(groupID + "-") else { return false }
            return Int(id.dropFirst(groupID.count + 1)) != nil
        }
        if let group, let groupID = Overlay.id(of: group) {
            return .removeGroupPosition(id, group: groupID)
        }
        return Message.removeUnknown(id).suggesting(sink.suggest(id, in: base.compactMap { Overlay.id(of: $0) }))
    }
}
