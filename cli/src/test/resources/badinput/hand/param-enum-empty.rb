runbook "x" {
  param p: enum() = "a"
}
