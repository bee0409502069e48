runbook {
}
