# expect-error: RB0001 5:1
runbook "exprs" {
  step a = exec { argv: ["true"] }
    when size(x) >
}
