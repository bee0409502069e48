# `steps.x.y` naming an output the type does not declare
# expect-error: RB0113 6:36
# expect-error: RB0113 7:40
runbook "t" {
  step head = exec { argv: ["true"] }
  step use = exec { argv: ["echo", steps.head.stdot] }
  step use2 = exec { argv: ["echo", "${steps.head.commit}"] }
}
