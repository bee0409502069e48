# a cycle that does not go through the duplicated id is still reported
# expect-error: RB0110 9:8
# expect-error: RB0115 7:8
runbook "t" {
  step a = exec { argv: ["true"] }
  step c = exec { argv: ["echo", steps.d.stdout] }
  step d = exec { argv: ["true"] }
  step b = exec { argv: ["true"] }
  step a = exec { argv: ["echo", steps.b.stdout] }
}
