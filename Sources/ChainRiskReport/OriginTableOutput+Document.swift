extension OriginTableOutput {
    /// The JSON document of `chainrisk origins --format json` and `GET /api/v1/origins`: the table's members and provenance.
    public func jsonDocument(provenance: Provenance) -> String {
        var members = jsonMembers()
        members["provenance"] = provenance.json
        return JSONValue.object(members).render(pretty: true) + "\n"
    }
}
