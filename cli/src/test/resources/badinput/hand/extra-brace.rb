runbook "x" {
}
}
