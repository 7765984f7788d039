import LuoshiDomain

/// Foundation also declares `Unit` (for measurements); in this module `Unit` is always the
/// responsible unit of the domain.
typealias Unit = LuoshiDomain.Unit
