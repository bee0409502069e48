{"runbook": "x"}
