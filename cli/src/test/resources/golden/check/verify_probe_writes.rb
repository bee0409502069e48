# a runbook-level verify whose probe is not a read step
# expect-error: RB0106 6:25
# expect-error: RB0106 10:20
runbook "t" {
  step a = exec { argv: ["true"] }
  verify "file written" file.write { path: "/tmp/x", content: "y" }
    expect it.bytes > 0
  verify "still exists" file.exists { path: "/tmp/x" }
    expect it.exists
  verify "alerted" notify { message: "hi" }
    expect true
}
