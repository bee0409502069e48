runbook "x" {
  description """
  never ends
}
