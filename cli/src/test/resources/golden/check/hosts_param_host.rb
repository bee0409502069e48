# a param named `host` would be hidden inside the `on` blocks
# expect-error: RB0177 4:9
runbook "hosts" {
  param host: string = "x"
  step before = exec { argv: [host] }
  on web {
    step a = exec { argv: [host.name] }
  }
}
