# expect-error: RB0006 4:16
runbook "policy" {
  step a = exec { argv: ["true"] }
    on_failure retry
}
