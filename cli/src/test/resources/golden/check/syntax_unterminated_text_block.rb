# a text block that is never closed
# expect-error: RB0001 4:17
runbook "t" {
  description """never
  closed
}
