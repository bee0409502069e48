# a string that runs to the end of the line
# expect-error: RB0001 4:15
runbook "t" {
  description "never closed
}
