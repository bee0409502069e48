# a cycle through `needs`
# expect-error: RB0115 5:11
runbook "t" {
  step a = exec { argv: ["true"] }
    needs c
  step b = exec { argv: ["true"] }
    needs a
  step c = exec { argv: ["true"] }
    needs b
}
# expect-output: steps depend on each other in a cycle: c -> b -> a -> c
