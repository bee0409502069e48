runbook 42 {
}
