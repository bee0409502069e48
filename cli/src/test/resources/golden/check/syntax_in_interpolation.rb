# a syntax error inside ${...}: the position is inside the string
# expect-error: RB0001 4:40
runbook "t" {
  step a = exec { argv: ["echo", "${1 +}"] }
}
