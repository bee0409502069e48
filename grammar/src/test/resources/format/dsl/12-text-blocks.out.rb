runbook "text" {
  description """
    Restore the database.
      Indented line stays indented.

    After a blank line.
    """

  param note: string = "n" """
    A param description
    on two lines.
    """

  step write = file.write {
    path: "/tmp/x",  # where
    body: """
      line one
      line two
      """,
    mode: "0644"
  }

  step interp = file.write { body: "hello ${note}\nbye" }

  step indented = file.write {
    body: """
      all lines
      indented
      """
  }
}
