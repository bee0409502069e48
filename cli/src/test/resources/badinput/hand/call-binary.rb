runbook "x" {
  step a = call "/dev/zero" { }
}
