# expect-error: RB0001 5:26
# expect-error: RB0007 9:27
runbook "hosts" {
  step a = exec { argv: ["true"] }
  on web rolling [1, 50 %%] {
    step b = exec { argv: ["true"] }
  }
  on db {
    step c = exec { argv: [ }
  }
}
