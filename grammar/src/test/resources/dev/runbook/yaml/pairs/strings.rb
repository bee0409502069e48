runbook "strings" {
  description """
    Text blocks keep
      their inner indentation
    """
  param who: string = 'single ${"quoted"}'
  param note: string = "tab\there \"quoted\" back\\slash \u00e9"
  step write = file.write {
    path: "/tmp/${who}.txt",
    body: """
      line one ${who}
        line two
      """,
    count: -3,
    ratio: 0.25,
    nothing: null,
    nested: {list: [1, [2, "x"], {deep: true}], "odd key": "v"}
  }
    when who == "a" || (size(note) > 2 && !false)
    confirm "${who}"
}
