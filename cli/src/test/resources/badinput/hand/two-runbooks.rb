runbook "a" {
}
runbook "b" {
}
