# expect-error: RB0005 5:5
runbook "dup" {
  step a = exec { argv: ["true"] }
    timeout 1s
    timeout 2s
}
