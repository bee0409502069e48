# `steps.x` naming no step
# expect-error: RB0112 6:36
# expect-error: RB0112 7:37
runbook "t" {
  step head = exec { argv: ["true"] }
  step use = exec { argv: ["echo", steps.haed.stdout] }
  step use2 = exec { argv: ["echo", steps.nope.stdout] }
}
