runbook "x {
}
