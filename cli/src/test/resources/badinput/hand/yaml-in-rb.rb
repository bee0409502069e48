runbook: x
steps: []
