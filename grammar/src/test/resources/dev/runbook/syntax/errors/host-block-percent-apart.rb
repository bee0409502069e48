# expect-error: RB0001 3:25
runbook "hosts" {
  on web rolling [1, 50 %] {
    step b = exec { argv: ["true"] }
  }
}
