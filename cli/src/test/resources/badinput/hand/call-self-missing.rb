runbook "x" {
  step a = call "no/such/file.rb" { }
}
