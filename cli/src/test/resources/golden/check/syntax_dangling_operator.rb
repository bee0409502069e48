# an operator with nothing on its right
# expect-error: RB0001 6:1
runbook "t" {
  step a = exec { argv: ["true"] }
    when 1 +
}
