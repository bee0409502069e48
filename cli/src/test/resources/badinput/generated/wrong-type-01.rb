runbook "wrong" {
  step s = wait { duration: "ten seconds" }
}
