# a string that runs to the end of the line
# expect-error: RB0007 4:15
runbook "t" {
  description "never closed
}
