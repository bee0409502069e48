runbook "wrong" {
  step s = wait { duration: 1s }
    undo wait { duration: "x" }
}
