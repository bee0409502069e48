runbook "wrong" {
  step s = wait { duration: 1s }
    when size(1, 2, 3)
}
