# expect-error: RB0001 4:35
runbook "interp" {
  step a = exec {
    argv: ["echo", "value: ${x == = y} end"]
  }
}
