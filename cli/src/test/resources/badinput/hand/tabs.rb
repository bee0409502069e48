runbook "x" {
	step a = wait {	duration:	1s	}
	step a = wait { duration: "x" }
}
