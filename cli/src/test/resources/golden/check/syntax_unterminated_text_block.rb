# a text block that is never closed: reported at its opening quotes
# expect-error: RB0007 4:15
runbook "t" {
  description """never
  closed
}
