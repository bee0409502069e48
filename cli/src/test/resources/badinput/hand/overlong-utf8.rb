runbook "À¯" {
}
