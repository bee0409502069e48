runbook "tabs" {
	description "tabbed"
	param a: int = 1	# tab before comment
	step one = exec {
		argv: ["\t"],
		dir: "/tmp"
	}
		when a > 0
}
