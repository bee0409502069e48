# expect-error: RB0100 4:12
runbook "broken" {
  param target: string = "x"
  step a = nonexistent.type { target: target }
}
