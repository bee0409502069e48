runbook "wrong" {
  step s = wait { duration: 1s }
    verify true within 5
}
