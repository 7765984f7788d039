import LuoshiHTML

extension Strings {
    /// Chinese data text (a task's content, a unit's name): plain text in the Chinese UI, a span
    /// marked `lang="zh-CN"` in any other.
    func data(_ text: String) -> Node {
        guard let dataLanguage else { return .text(text) }
        return .span(.lang(dataLanguage), text: text)
    }

    /// The `lang` attribute for an element whose whole content is Chinese data.
    var dataLang: Attribute { .lang(dataLanguage ?? "zh-CN") }
}
