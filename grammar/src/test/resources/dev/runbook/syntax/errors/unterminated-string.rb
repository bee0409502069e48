# expect-error: RB0001 3:15
runbook "strings" {
  description "no end
}
