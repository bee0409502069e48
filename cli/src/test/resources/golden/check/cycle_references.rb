# a cycle through a reference to a later step
# expect-error: RB0115 4:34
runbook "t" {
  step a = exec { argv: ["echo", steps.b.stdout] }
  step b = exec { argv: ["true"] }
}
