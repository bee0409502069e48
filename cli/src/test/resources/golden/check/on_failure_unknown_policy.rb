# an on_failure policy that does not exist
# expect-error: RB0006 5:16
runbook "t" {
  step a = exec { argv: ["true"] }
    on_failure ignore
}
