import LuoshiHTML

/// Pieces every data table shares.
enum Tables {
    /// A header row of column headings (`scope="col"`).
    static func head(_ columns: [String]) -> Node {
        .thead {
            Node.tr {
                for column in columns { Node.th(.scope("col"), text: column) }
            }
        }
    }
}
