# a duplicated id is one mistake: the two steps `a` are not a cycle through `b`
# expect-error: RB0110 7:8
runbook "t" {
  step a = exec { argv: ["true"] }
  step b = exec { argv: ["true"] }
    verify it.exit_code == 0
  step a = exec { argv: ["echo", steps.b.stdout] }
    verify it.exit_code == 0
}
