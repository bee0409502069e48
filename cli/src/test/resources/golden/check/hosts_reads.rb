# a step's outputs inside an `on` block are per host: only its own block reads them; `needs` keeps to its block
# expect-error: RB0173 10:36
# expect-error: RB0173 13:28
# expect-error: RB0173 15:34
# expect-error: RB0174 19:13
# expect-error: RB0174 22:11
# expect-error: RB0173 24:28
runbook "hosts" {
  on web as deploy {
    step a = exec { argv: ["echo", steps.deploy.hosts] }
  }
  on db {
    step b = exec { argv: [steps.a.stdout, steps.deploy.failed] }
  }
  step c = exec { argv: ["echo", steps.a.stdout, steps.deploy.failed] }
  on cache {
    step f = exec { argv: ["true"] }
    step g = exec { argv: ["true"] }
      needs c, f
  }
  step d = exec { argv: ["true"] }
    needs a
  finally {
    step e = exec { argv: [steps.a.stdout] }
  }
}
