# expect-error: RB0007 3:15
runbook "strings" {
  description "no end
}
