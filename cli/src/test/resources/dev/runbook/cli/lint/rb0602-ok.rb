runbook "lint" {
  step write = file.write { path: "/tmp/a", content: "x" }
    verify it.bytes > 0
  step write2 = file.write { path: "/tmp/b", content: "y" }
  step look = file.exists { path: "/tmp/b" }
  finally {
    step clean = exec { argv: ["rm", "-f", "/tmp/b"] }
    step look_again = file.exists { path: "/tmp/b" }
  }
}
