# a step without `=` between id and type
# expect-error: RB0001 4:10
runbook "t" {
  step a exec { argv: ["true"] }
}
