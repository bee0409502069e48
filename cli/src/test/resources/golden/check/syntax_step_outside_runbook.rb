# a step outside any runbook block
# expect-error: RB0001 3:1
step a = exec { argv: ["true"] }
