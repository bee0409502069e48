# `host` is the host inside an `on` block only; its fields are known, its vars are free
# expect-error: RB0171 6:31
# expect-error: RB0172 8:36
# expect-error: RB0171 11:18
runbook "hosts" {
  step before = exec { argv: [host.name] }
  on web {
    step a = exec { argv: ["echo", host.adress, host.vars.anything.deep, host.port + 1, host.groups[0]] }
    verify "up" host.name != ""
  }
  verify "after" host.name == "x"
}
