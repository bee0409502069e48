# outputs read before they can exist: its own, or a finally / on_failure step's
# expect-error: RB0116 8:10
# expect-error: RB0116 11:34
# expect-error: RB0113 19:34
# expect-error: RB0116 19:34
runbook "t" {
  step a = exec { argv: ["true"] }
    when steps.a.exit_code == 0
    verify steps.a.exit_code == 0
    undo exec { argv: ["echo", steps.a.stdout] }
  step b = exec { argv: ["echo", steps.cleanup.stdout] }
  finally {
    step cleanup = exec { argv: ["echo", steps.a.stdout] }
      when has(steps, "a")
  }
  on_failure {
    step alert = notify { message: "failed: ${steps.b.stderr}" }
  }
  step c = exec { argv: ["echo", steps.alert.exit_code] }
}
# expect-output: step `b` reads `steps.cleanup`, which only runs after the main steps
