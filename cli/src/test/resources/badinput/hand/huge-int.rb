runbook "x" {
  param p: int = 999999999999999999999999999
}
