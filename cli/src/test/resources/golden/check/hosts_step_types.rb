# a step of an `on` block runs on each host through its connection: only types that do (ON_HOST), no relative paths
# expect-error: RB0175 9:14
# expect-error: RB0175 11:12
# expect-error: RB0176 12:28
# expect-error: RB0175 13:14
# expect-error: RB0106 16:21
runbook "hosts" {
  on web {
    step a = http.get { url: "http://localhost/" }
    step b = exec { argv: ["true"] }
      undo file.write { path: "/tmp/x", content: "y" }
    step c = npm.ci { dir: "app" }
    step d = call "lib/callee.rb" { target: "x" }
    step e = exec { argv: ["ls"], cwd: "/srv/" + "app" }
    verify "up" http.get { url: "http://" + host.address + "/" } expect it.status == 200
    verify "writes" file.write { path: "/tmp/x", content: "y" } expect true
  }
}
