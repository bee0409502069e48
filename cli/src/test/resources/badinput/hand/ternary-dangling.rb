runbook "x" {
  param p: int = true ? 1
}
