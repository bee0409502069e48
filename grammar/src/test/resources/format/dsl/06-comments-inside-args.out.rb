runbook "inside" {
  step one = exec {  # why we exec
    # the command
    argv: ["echo", "hi"],  # trailing on argv
    env: {A: "1"}  // env comment
    # before the closing brace
  }

  step two = file.write {
    path: "/tmp/x",
    body: "y"  # only one comment, at the end
  }
}
