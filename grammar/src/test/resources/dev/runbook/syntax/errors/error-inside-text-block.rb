# expect-error: RB0001 6:19
runbook "interp" {
  step a = notify {
    message: """
      first line
      second ${a +} line
      """
  }
}
