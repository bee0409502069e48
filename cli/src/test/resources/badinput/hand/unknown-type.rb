runbook "x" {
  step a = wat { }
}
