runbook "x" {
  param p: string = p
}
