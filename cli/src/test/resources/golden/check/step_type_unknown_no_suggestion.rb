# an unknown step type with nothing close: the hint names `runbook steps`
# expect-error: RB0100 5:12
# expect-error: RB0100 7:10
runbook "t" {
  step a = kubernetes.rollout { name: "x" }
  step b = exec { argv: ["true"] }
    undo zzzzzz
}
# expect-output: help: `runbook steps` lists the step types
