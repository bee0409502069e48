# expect-error: RB0005 4:3
runbook "dup" {
  description "one"
  description "two"
}
