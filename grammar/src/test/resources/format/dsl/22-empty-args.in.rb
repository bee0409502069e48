runbook "empty" {
  step a = noop {}
  step b = noop
    undo noop {}
  step c = noop { }
    on_failure continue
  verify "probe without args" probe.ping expect it.ok
}
