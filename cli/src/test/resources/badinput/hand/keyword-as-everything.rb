runbook "step" {
  step step = step { step: step }
}
