runbook "par" {
  # before parallel
  parallel {  # opening
    # first
    step a = exec { argv: ["sleep", "1"] }  # a trailing

    # second
    step b = exec { argv: ["sleep", "2"] }
    # before the closing brace of parallel
  }  # after parallel
}
